# The solver service: Python 3.11, the project, g++ and a JDK for the sandbox, the shipped checkpoint.
# Nothing is downloaded at run time. nsjail needs privileges to make its namespaces: see the README's "Service"
# section for the `docker run` flags.
#
#   docker build -t open-alphacode .
#   docker run --rm -p 8000:8000 -v solver-data:/data --privileged open-alphacode
FROM python:3.11-slim

# g++ compiles C++ candidates (and the sandbox's two small C helpers); the JDK compiles and runs Java ones.
RUN apt-get update \
    && apt-get install -y --no-install-recommends g++ openjdk-17-jdk-headless \
    && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# The CPU build of torch first, from its own index: any other would pull gigabytes of CUDA wheels.
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu

WORKDIR /app
COPY pyproject.toml README.md ./
COPY problems problems
COPY sandbox sandbox
COPY solver solver
COPY service service
RUN test -f solver/checkpoints/alphacode-cpu/config.json \
    || { echo "solver/checkpoints/alphacode-cpu is missing: make it first (scripts/train_shipped_model.sh)" >&2; \
         exit 1; }
RUN pip install .

# The checkpoint is read from /app (the installed package holds code, not weights). Jobs and results persist in
# /data; compiled programs are cached where the jail's unprivileged user can read them. Programs in the jail run
# on this image's own Python (/usr/local/bin/python3).
ENV SOLVER_BACKEND=native \
    SOLVER_MODEL=/app/solver/checkpoints/alphacode-cpu \
    SOLVER_DB=/data/jobs.sqlite3 \
    SANDBOX_CACHE=/var/cache/open-alphacode-sandbox \
    SANDBOX_PYTHON=/usr/local/bin/python3 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1
RUN mkdir -p /data /var/cache/open-alphacode-sandbox
VOLUME /data

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# SIGTERM: no new jobs, event streams end, running jobs get SOLVER_SHUTDOWN_GRACE seconds and are then requeued
# for the next start. Give `docker stop` more than that (e.g. -t 30).
STOPSIGNAL SIGTERM
CMD ["solver", "serve", "--host", "0.0.0.0", "--port", "8000"]
