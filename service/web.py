"""The web page: a form that queues a problem, its live progress, the clusters and submissions, and recent jobs.

Static files from `service/static/`, no build step, nothing loaded from elsewhere (a Content-Security-Policy of
`'self'` holds the page to that). The page and its files are public; the API calls they make carry the server's
token when it has one, as every client's do. `mount_web(app)` adds the page, its files and `GET /jobs`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Query
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from service.routes import ManagerDep, require_token
from service.schemas import ErrorOut
from service.states import JobState

STATIC = Path(__file__).resolve().parent / "static"
DEFAULT_RECENT = 20
MAX_RECENT = 200  # a page of jobs, not the database: the list reads one short row per job

# The page loads only its own files and talks only to its own server; `data:` is the empty favicon.
CONTENT_SECURITY_POLICY = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                           "form-action 'self'; frame-ancestors 'none'")


class JobSummary(BaseModel):
    id: str
    state: JobState
    problem: str
    created: float = Field(description="Unix time")
    finished: float | None = None


class RecentJobs(BaseModel):
    jobs: list[JobSummary] = Field(description="newest first")


page = APIRouter(include_in_schema=False)
listing = APIRouter(dependencies=[Depends(require_token)],
                    responses={status: {"model": ErrorOut} for status in (401, 422)})


@page.get("/")
async def index():
    return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache",
                                                        "Content-Security-Policy": CONTENT_SECURITY_POLICY})


@listing.get("/jobs", response_model=RecentJobs)
async def recent_jobs(manager: ManagerDep,
                      limit: Annotated[int, Query(ge=1, le=MAX_RECENT, description="how many")] = DEFAULT_RECENT):
    """The jobs created last, newest first: id, state, problem, created and finished."""
    rows = await run_in_threadpool(manager.store.recent, limit)
    return RecentJobs(jobs=[JobSummary(id=row["id"], state=row["state"], problem=row["name"], created=row["created"],
                                       finished=row["finished"]) for row in rows])


class StaticAssets(StaticFiles):
    """The page's files, revalidated on every load (a 304 when unchanged), so that an upgraded server never runs
    yesterday's script against today's API."""

    def file_response(self, *args, **kwargs):
        response = super().file_response(*args, **kwargs)
        response.headers["Cache-Control"] = "no-cache"
        return response


def mount_web(app: FastAPI) -> None:
    """Serve the page at `/`, its files under `/static/`, and the list of recent jobs at `GET /jobs`."""
    app.include_router(page)
    app.include_router(listing)
    app.mount("/static", StaticAssets(directory=STATIC), name="static")
