"""HTTP jobs over the solve pipeline: a FastAPI application, its job store and workers, settings and metrics.

    service.settings  the environment, read in one place
    service.schemas   request and response shapes (pydantic, only here)
    service.intake    a request becomes a job within the server's limits
    service.store     the SQLite table of jobs and results
    service.events    each job's ordered event log, for server-sent events and waiting requests
    service.jobs      the bounded queue and the worker threads
    service.metrics   Prometheus text format
    service.routes    the endpoints
    service.app       the application, its error envelope and middleware, and `run_server`

No solving logic lives here: the workers call `solver.pipeline.solve`.
"""
