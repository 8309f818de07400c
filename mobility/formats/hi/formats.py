# Django's Hindi formats leave numbers ungrouped ("85000"); Indian usage groups thousands,
# then lakhs and crores by two digits ("85,000", "12,34,567").
NUMBER_GROUPING = (3, 2, 0)
