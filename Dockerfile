FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

RUN useradd --create-home --uid 1000 mobility

COPY pyproject.toml ./
RUN pip install --upgrade pip && pip install .

COPY . .
# Static files are collected at build time; the key is only for this one command.
RUN SECRET_KEY=collectstatic-only DEBUG=0 python manage.py collectstatic --no-input -v0 \
    && mkdir -p /app/var/media && chown -R mobility /app/var

USER mobility
EXPOSE 8000
CMD ["gunicorn", "mobility.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
