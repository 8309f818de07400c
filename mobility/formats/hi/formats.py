# Django's Hindi formats leave numbers ungrouped ("85000"); Indian usage groups thousands,
# then lakhs and crores by two digits ("85,000", "12,34,567").
NUMBER_GROUPING = (3, 2, 0)
# Django's Hindi month names ("F") misspell three months ("सितमबर", "नवमबर", "दिसमबर"); its
# "alt. month" names ("E") are spelt right and read the same after a day in Hindi.
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y, H:i"
YEAR_MONTH_FORMAT = "E Y"
MONTH_DAY_FORMAT = "j E"
