// The page: the problem form, the shown job (progress, chart, clusters, submissions) and the recent jobs.
// Every request goes to this page's own server, with the token from the field at the top when one is set.

import { drawChart } from "./chart.js";
import { highlight } from "./highlight.js";
import { follow } from "./sse.js";

const TOKEN_KEY = "solver.token";
const FINAL = new Set(["done", "failed", "cancelled"]);
const COUNTS = ["sampled", "unique", "compiled", "passed_examples", "clusters"];
const LANGUAGE_NAMES = { python3: "Python 3", cpp: "C++", java: "Java" };
const MIB = 1024 * 1024;
const JOBS_POLL_MS = 10000; // how often the recent list is re-read while one of its jobs is unfinished
const READY_POLL_MS = 15000; // how often /readyz is asked again while the server is not ready

// The inputs for the sampling options a request may set (those /readyz lists are shown). `kind` says how the
// field's text becomes the JSON value.
const OPTION_INPUTS = {
  temperature: { label: "Temperature", kind: "float", min: 0.05, max: 4, step: 0.05 },
  top_p: { label: "Top p", kind: "float", min: 0.01, max: 1, step: 0.01 },
  top_k: { label: "Top k", kind: "int", min: 0, max: 100000, step: 1 },
  max_tokens: { label: "Max tokens", kind: "int", min: 1, max: 32768, step: 1 },
  frequency_penalty: { label: "Frequency penalty", kind: "float", min: -2, max: 2, step: 0.1 },
  presence_penalty: { label: "Presence penalty", kind: "float", min: -2, max: 2, step: 0.1 },
  batch_size: { label: "Batch size", kind: "int", min: 1, max: 4096, step: 1 },
  header_variants: { label: "Header variants", kind: "int", min: 1, max: 1024, step: 1 },
  stop: { label: "Stop strings (one a line)", kind: "lines" },
  shuffle: { label: "Shuffle", kind: "bool" },
};

const $ = (selector) => document.querySelector(selector);

const page = {
  problem: null, // the loaded CodeContests row, or null when the statement fields are used
  options: [], // the option names shown
  jobId: null,
  job: null, // the shown job's last known record
  stream: null, // AbortController of the shown job's event stream
  points: [], // [{t, stats}] from its progress events
  stages: [],
  clock: null, // {elapsed, at}: the last elapsed seconds the server reported, and when it came
  jobsTimer: null,
};

// ----------------------------------------------------------------------------------------------------- requests

class ApiError extends Error {
  constructor(status, message, fields) {
    super(message);
    this.status = status;
    this.fields = fields;
  }
}

function authHeaders() {
  const token = localStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function api(method, path, body) {
  const headers = authHeaders();
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method, headers, cache: "no-store", body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, `the server cannot be reached (${error.message})`, []);
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) throw apiError(response.status, data);
  return { status: response.status, data };
}

function apiError(status, data) {
  if (status === 401) {
    return new ApiError(401, "This server needs its token: enter it in the Token field at the top.", []);
  }
  const error = data && data.error;
  return new ApiError(status, error ? error.message : `the server answered ${status}`, error ? error.fields : []);
}

// ------------------------------------------------------------------------------------------------------- server

async function loadServer() {
  const line = $("#server");
  let report;
  try {
    const response = await fetch("readyz", { cache: "no-store" });
    report = await response.json();
  } catch {
    line.textContent = "server not reachable";
    line.dataset.ready = "false";
    setTimeout(loadServer, READY_POLL_MS);
    return;
  }
  line.dataset.ready = String(Boolean(report.ready));
  const what = report.ready ? "ready" : `not ready (backend ${report.backend}, sandbox ${report.sandbox})`;
  line.textContent = `${report.backend_name} backend · ${what}`;
  showOptions(report.options || []);
  if (!report.ready) setTimeout(loadServer, READY_POLL_MS);
}

function showOptions(names) {
  if (names.join() === page.options.join()) return;
  page.options = names;
  const box = $("#options");
  box.replaceChildren();
  for (const name of names) {
    const spec = OPTION_INPUTS[name] || { label: name, kind: "float" };
    const id = `option-${name}`;
    const wrap = document.createElement("div");
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = spec.label;
    let input;
    if (spec.kind === "bool") {
      input = document.createElement("select");
      for (const [value, text] of [["", "server's choice"], ["true", "yes"], ["false", "no"]]) {
        input.append(new Option(text, value));
      }
    } else if (spec.kind === "lines") {
      input = document.createElement("textarea");
      input.rows = 2;
    } else {
      input = document.createElement("input");
      input.type = "number";
      for (const key of ["min", "max", "step"]) if (spec[key] !== undefined) input[key] = spec[key];
      input.placeholder = "backend's";
    }
    input.id = id;
    input.dataset.option = name;
    input.dataset.kind = spec.kind;
    wrap.append(label, input);
    box.append(wrap);
  }
  $("#options-fields").hidden = names.length === 0;
}

// --------------------------------------------------------------------------------------------------------- form

function addExample(input = "", output = "") {
  const row = $("#example-template").content.firstElementChild.cloneNode(true);
  row.querySelector(".example-input").value = input;
  row.querySelector(".example-output").value = output;
  row.querySelector(".remove-example").addEventListener("click", () => {
    row.remove();
    numberExamples();
  });
  $("#examples").append(row);
  numberExamples();
  return row;
}

function numberExamples() {
  [...$("#examples").children].forEach((row, index) => {
    row.querySelector(".remove-example").setAttribute("aria-label", `Remove example ${index + 1}`);
  });
}

class FormError extends Error {
  constructor(field, message) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

function number(selector, field, { integer = false, scale = 1 } = {}) {
  const text = $(selector).value.trim();
  if (text === "") return undefined;
  const value = Number(text) * scale;
  if (!Number.isFinite(value)) throw new FormError(field, "must be a number");
  if (integer && !Number.isInteger(value)) throw new FormError(field, "must be a whole number");
  return value;
}

// The JSON body of POST /solve, from the form; raises FormError naming the field at fault.
function requestBody() {
  const body = {};
  if (page.problem) {
    body.problem = page.problem;
  } else {
    const statement = $("#statement").value;
    if (!statement.trim()) throw new FormError("statement", "write the problem, or load a CodeContests row");
    body.statement = statement;
    const name = $("#name").value.trim();
    if (name) body.name = name;
    body.examples = [];
    const rows = [...$("#examples").children];
    rows.forEach((row) => {
      const input = row.querySelector(".example-input").value;
      const output = row.querySelector(".example-output").value;
      row.dataset.index = "";
      if (!input && !output) return; // an empty row is not an example
      row.dataset.index = String(body.examples.length);
      body.examples.push({ input, output });
    });
    const timeLimit = number("#time-limit", "time_limit");
    if (timeLimit !== undefined) body.time_limit = timeLimit;
    const memory = number("#memory-limit", "memory_limit", { integer: true, scale: MIB });
    if (memory !== undefined) body.memory_limit = memory;
  }
  const samples = number("#samples", "samples", { integer: true });
  if (samples !== undefined) body.samples = samples;
  const seconds = number("#seconds", "seconds");
  if (seconds !== undefined) body.seconds = seconds;
  const seed = number("#seed", "seed", { integer: true });
  if (seed !== undefined) body.seed = seed;
  const languages = [...document.querySelectorAll("input[name=language]:checked")].map((box) => box.value);
  if (languages.length === 0) throw new FormError("languages", "choose at least one");
  if (languages.length < 3) body.languages = languages;
  const options = {};
  for (const input of document.querySelectorAll("[data-option]")) {
    const text = input.value.trim();
    if (text === "") continue;
    const field = `options.${input.dataset.option}`;
    const kind = input.dataset.kind;
    if (kind === "bool") options[input.dataset.option] = text === "true";
    else if (kind === "lines") options[input.dataset.option] = input.value.split("\n").filter((line) => line);
    else {
      const value = Number(text);
      if (!Number.isFinite(value)) throw new FormError(field, "must be a number");
      if (kind === "int" && !Number.isInteger(value)) throw new FormError(field, "must be a whole number");
      options[input.dataset.option] = value;
    }
  }
  if (Object.keys(options).length) body.options = options;
  return body;
}

// The form control a field name of an error points at ("examples[1].input", "options.top_k", "problem.x", ...).
function controlFor(field) {
  const simple = {
    statement: "#statement", name: "#name", time_limit: "#time-limit", memory_limit: "#memory-limit",
    samples: "#samples", seconds: "#seconds", seed: "#seed", languages: "input[name=language]",
  };
  if (simple[field]) return document.querySelector(simple[field]);
  if (field.startsWith("problem")) return $("#problem-file");
  if (field.startsWith("options.")) return document.getElementById(`option-${field.slice(8)}`);
  const example = /^examples\[(\d+)\]\.(input|output)$/.exec(field);
  if (example) {
    const row = [...$("#examples").children].find((item) => item.dataset.index === example[1]);
    return row ? row.querySelector(`.example-${example[2]}`) : null;
  }
  return null;
}

function showFormError(message, fields) {
  const box = $("#form-error");
  box.textContent = message;
  box.hidden = false;
  for (const field of fields) {
    const control = controlFor(field);
    if (control) control.setAttribute("aria-invalid", "true");
  }
  const first = fields.map(controlFor).find(Boolean);
  if (first) first.focus();
}

function clearFormError() {
  $("#form-error").hidden = true;
  for (const control of document.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
}

async function submit(event) {
  event.preventDefault();
  clearFormError();
  let body;
  try {
    body = requestBody();
  } catch (error) {
    if (!(error instanceof FormError)) throw error;
    showFormError(error.message, [error.field]);
    return;
  }
  const button = $("#solve");
  button.disabled = true;
  try {
    const { data } = await api("POST", "solve", body);
    location.hash = `job=${data.id}`;
    await showJob(data.id);
    refreshJobs();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    showFormError(error.message, (error.fields || []).map((item) => item.field));
    if (error.status === 401) $("#token").focus();
  } finally {
    button.disabled = false;
  }
}

// A CodeContests row from a file: a JSON object, or the first row of a JSON Lines file.
async function loadProblemFile() {
  const file = $("#problem-file").files[0];
  clearFormError();
  if (!file) {
    useStatement();
    return;
  }
  const text = await file.text();
  let row;
  try {
    row = JSON.parse(text);
  } catch {
    const first = text.split("\n").find((line) => line.trim());
    try {
      row = first === undefined ? null : JSON.parse(first);
    } catch {
      row = null;
    }
  }
  if (!row || typeof row !== "object" || Array.isArray(row) || typeof row.description !== "string") {
    useStatement();
    showFormError(`${file.name}: not a CodeContests row (a JSON object with a "description")`, ["problem"]);
    return;
  }
  page.problem = row;
  const count = (tests) => (tests && Array.isArray(tests.input) ? tests.input.length : 0);
  const hidden = count(row.private_tests) + count(row.generated_tests);
  const info = $("#file-info");
  info.textContent = `${row.name || file.name}: ${count(row.public_tests)} examples, ${hidden} hidden tests` +
    (hidden ? " (they judge the submissions)" : "");
  info.hidden = false;
  $("#file-clear").hidden = false;
  $("#statement-fields").disabled = true; // the row holds them: the server takes one or the other
  $("#statement-fields").hidden = true;
}

function useStatement() {
  page.problem = null;
  $("#problem-file").value = "";
  $("#file-info").hidden = true;
  $("#file-clear").hidden = true;
  $("#statement-fields").disabled = false;
  $("#statement-fields").hidden = false;
}

// ------------------------------------------------------------------------------------------------- the job shown

async function showJob(id) {
  if (page.stream) page.stream.abort();
  page.stream = null;
  page.jobId = id;
  page.job = null;
  page.points = [];
  page.stages = [];
  page.clock = null;
  $("#job-empty").hidden = true;
  $("#job").hidden = false;
  $("#job-id").textContent = id;
  $("#job-title").textContent = "…";
  $("#job-budget").textContent = "";
  $("#stages").replaceChildren();
  $("#outcome").hidden = true;
  setMessage("");
  markCurrent();
  let job;
  try {
    job = (await api("GET", `jobs/${encodeURIComponent(id)}`)).data;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (page.jobId !== id) return;
    setState(null);
    setMessage(error.message, true);
    drawProgress();
    return;
  }
  if (page.jobId !== id) return;
  render(job);
  if (!FINAL.has(job.state)) followJob(id);
}

function followJob(id) {
  const controller = new AbortController();
  page.stream = controller;
  const done = () => page.jobId !== id || (page.job !== null && FINAL.has(page.job.state));
  follow(`jobs/${encodeURIComponent(id)}/events`, {
    headers: authHeaders,
    signal: controller.signal,
    isDone: done,
    onEvent: (event) => {
      if (page.jobId !== id) return;
      const data = JSON.parse(event.data);
      if (event.event === "progress") progress(data);
      else if (event.event === "state") {
        if (data.id && data.budget) render(data); // the final state carries the whole job
        else {
          page.job = { ...page.job, state: data.state };
          setState(data.state);
          setMessage(data.message || (data.state === "queued" ? "Waiting for a worker…" : ""));
        }
        refreshJobs();
      } else if (event.event === "shutdown") {
        setMessage("The server is shutting down; following again when it is back…");
      }
    },
    onError: (error) => {
      if (page.jobId !== id) return;
      if (error instanceof Response) setMessage(apiError(error.status, null).message, true);
      else setMessage("The connection was lost; reconnecting…");
    },
  }).then(async () => {
    // The stream ended: if no final state came with it (an error, a restart), read the job as it stands.
    if (page.jobId === id && !done() && !controller.signal.aborted) {
      try {
        render((await api("GET", `jobs/${encodeURIComponent(id)}`)).data);
      } catch {
        /* the message already says what went wrong */
      }
    }
  });
}

function progress(data) {
  page.clock = { elapsed: data.elapsed, at: performance.now() };
  page.points.push({ t: data.elapsed, stats: data.stats });
  if (page.job && page.job.state === "queued") setState("running");
  setStage(data.stage);
  setCounts(data.stats);
  if (data.message) setMessage(data.message);
  drawProgress();
}

function render(job) {
  page.job = job;
  $("#job-title").textContent = job.problem;
  $("#job-budget").textContent = budgetText(job.budget);
  setState(job.state);
  setStage(job.stage);
  setCounts(job.progress || {});
  if (job.state === "failed") setMessage(job.error || "failed", true);
  else if (job.state === "cancelled") setMessage(job.error || "cancelled");
  else if (job.state === "queued") setMessage("Waiting for a worker…");
  else if (job.state === "done") setMessage("");
  if (job.result) {
    const end = job.started && job.finished ? job.finished - job.started : null;
    if (page.points.length === 0 && end !== null) {
      // Seen after the fact: the chart has only the start and the end.
      page.points = [{ t: 0, stats: {} }, { t: end, stats: job.progress || {} }];
    } else if (end !== null && page.points[page.points.length - 1].t < end) {
      page.points.push({ t: end, stats: job.progress || {} });
    }
    showResult(job.result);
  }
  drawProgress();
}

function budgetText(budget) {
  if (!budget) return "";
  const parts = [plural(budget.samples, "sample", "samples"), `${budget.seconds} s`, `seed ${budget.seed}`,
    (budget.languages || ["all languages"]).map(languageName).join(", ")];
  for (const [name, value] of Object.entries(budget.options || {})) parts.push(`${name} ${JSON.stringify(value)}`);
  return `· ${parts.join(" · ")}`;
}

function setState(state) {
  const badge = $("#job-state");
  badge.textContent = state || "unknown";
  badge.dataset.state = state || "";
  $("#cancel").hidden = !state || FINAL.has(state);
  $("#cancel").disabled = false;
}

function setStage(stage) {
  $("#stage").textContent = stage || "–";
  if (stage && page.stages[page.stages.length - 1] !== stage) {
    page.stages.push(stage);
    const item = document.createElement("li");
    item.textContent = stage;
    $("#stages").append(item);
  }
}

function setCounts(stats) {
  for (const key of COUNTS) $(`#count-${key}`).textContent = String(stats[key] || 0);
}

function setMessage(text, isError = false) {
  const box = $("#job-message");
  box.textContent = text;
  box.classList.toggle("error", isError);
}

function elapsedSeconds() {
  const job = page.job;
  if (!job) return null;
  if (job.finished && job.started) return job.finished - job.started;
  if (FINAL.has(job.state)) return null; // cancelled while queued: it never ran
  if (page.clock) return page.clock.elapsed + (performance.now() - page.clock.at) / 1000;
  if (job.started) return Math.max(0, Date.now() / 1000 - job.started); // the server's clock and ours
  return null;
}

function tick() {
  const seconds = elapsedSeconds();
  $("#elapsed").textContent = seconds === null ? "–" : `${seconds.toFixed(1)} s`;
}

function drawProgress() {
  const running = page.job && !FINAL.has(page.job.state);
  const points = page.points.length === 1 ? [{ t: 0, stats: {} }, ...page.points] : page.points;
  drawChart($("#chart"), points, running ? "waiting for progress…" : "no progress recorded");
  tick();
}

async function cancel() {
  const id = page.jobId;
  const button = $("#cancel");
  button.disabled = true;
  setMessage("Cancelling…");
  try {
    const { data } = await api("DELETE", `jobs/${encodeURIComponent(id)}`);
    if (page.jobId === id) {
      if (FINAL.has(data.state)) render(data);
      else setMessage("Stopping: the programs running now finish first…");
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    setMessage(error.message, true);
    button.disabled = false;
  }
  refreshJobs();
}

// ------------------------------------------------------------------------------------------------------ results

function languageName(language) {
  return LANGUAGE_NAMES[language] || language;
}

function element(tag, className, text) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

function codeBlock(code, language) {
  const pre = element("pre", "code");
  const inner = element("code");
  highlight(inner, code, language);
  pre.append(inner);
  pre.tabIndex = 0; // scrollable: reachable by keyboard
  return pre;
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

function showResult(result) {
  $("#outcome").hidden = false;
  const stats = result.stats || {};
  const submissions = result.submissions || [];
  let summary = `${plural(submissions.length, "submission", "submissions")} from ` +
    `${plural(stats.clusters || 0, "cluster", "clusters")} of ${stats.passed_examples || 0} programs that passed ` +
    `the examples (${stats.sampled || 0} sampled).`;
  if (result.solved === true) summary = `Solved: a submission passed the hidden tests. ${summary}`;
  else if (result.solved === false) summary = `Not solved: no submission passed the hidden tests. ${summary}`;
  const line = $("#summary");
  line.textContent = summary;
  line.dataset.solved = result.solved === undefined || result.solved === null ? "" : String(result.solved);

  const clusters = $("#clusters");
  clusters.replaceChildren();
  if (!(result.clusters || []).length) clusters.append(element("p", "hint", "No cluster: no program passed the examples."));
  for (const cluster of result.clusters || []) {
    const card = element("section", "cluster");
    const head = element("h4", "", `Cluster ${cluster.cluster + 1}`);
    const facts = element("span", "facts", ` ${plural(cluster.size, "program", "programs")} · ` +
      `candidate ${cluster.candidate} · ${languageName(cluster.language)}`);
    head.append(facts);
    card.append(head, codeBlock(cluster.code, cluster.language));
    if ((cluster.outputs || []).length) {
      const table = element("table", "outputs");
      const caption = element("caption", "", "Its output on generated inputs");
      const header = element("tr");
      header.append(element("th", "", "Input"), element("th", "", "Output"));
      table.append(caption, header);
      for (const shown of cluster.outputs) {
        const row = element("tr");
        const input = element("td");
        input.append(element("pre", "io", shown.input));
        const output = element("td");
        output.append(element("pre", "io", shown.output));
        row.append(input, output);
        table.append(row);
      }
      card.append(table);
    }
    clusters.append(card);
  }

  const list = $("#submissions");
  list.replaceChildren();
  const verdicts = result.hidden_verdicts || null;
  submissions.forEach((submission, index) => {
    const item = element("li", "submission");
    const head = element("div", "submission-head");
    head.append(element("strong", "", `Submission ${index + 1}`), element("span", "facts",
      `${languageName(submission.language)} · cluster ${submission.cluster + 1} of ` +
      `${plural(submission.cluster_size, "program", "programs")} · candidate ${submission.candidate}`));
    if (verdicts && verdicts[index] !== undefined) {
      const verdict = element("span", "verdict", verdicts[index].toLowerCase().replaceAll("_", " "));
      verdict.dataset.accepted = String(verdicts[index] === "ACCEPTED");
      head.append(verdict);
    }
    item.append(head, codeBlock(submission.code, submission.language));
    list.append(item);
  });
  if (submissions.length === 0) list.append(element("li", "hint", "Nothing to submit."));

  fillTable($("#stats-table tbody"), Object.entries(stats));
  fillTable($("#timings-table tbody"), Object.entries(result.timings || {}).map(([key, value]) => [key,
    value.toFixed(3)]));
}

function fillTable(body, rows) {
  body.replaceChildren();
  for (const [key, value] of rows) {
    const row = element("tr");
    row.append(element("th", "", key.replaceAll("_", " ")), element("td", "", String(value)));
    body.append(row);
  }
}

// ----------------------------------------------------------------------------------------------------- the list

async function refreshJobs() {
  const box = $("#jobs-error");
  let jobs;
  try {
    jobs = (await api("GET", "jobs?limit=20")).data.jobs;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    box.textContent = error.message;
    box.hidden = false;
    return;
  }
  box.hidden = true;
  const list = $("#jobs");
  list.replaceChildren();
  if (jobs.length === 0) list.append(element("li", "hint", "No jobs yet."));
  for (const job of jobs) {
    const item = element("li");
    const button = element("button", "job-link");
    button.type = "button";
    button.dataset.id = job.id;
    const name = element("span", "job-name", job.problem);
    const when = element("span", "job-time", formatTime(job.created));
    const state = element("span", "badge", job.state);
    state.dataset.state = job.state;
    button.append(name, when, state);
    button.addEventListener("click", () => {
      location.hash = `job=${job.id}`;
    });
    item.append(button);
    list.append(item);
  }
  markCurrent();
  clearTimeout(page.jobsTimer);
  if (jobs.some((job) => !FINAL.has(job.state))) page.jobsTimer = setTimeout(refreshJobs, JOBS_POLL_MS);
}

function markCurrent() {
  for (const button of document.querySelectorAll(".job-link")) {
    if (button.dataset.id === page.jobId) button.setAttribute("aria-current", "true");
    else button.removeAttribute("aria-current");
  }
}

function formatTime(seconds) {
  const date = new Date(seconds * 1000);
  const today = new Date().toDateString() === date.toDateString();
  return today ? date.toLocaleTimeString() : date.toLocaleString();
}

// ------------------------------------------------------------------------------------------------------- start

function jobFromHash() {
  const match = /^#job=([0-9A-Za-z_-]{1,64})$/.exec(location.hash);
  return match ? match[1] : null;
}

function start() {
  const token = $("#token");
  token.value = localStorage.getItem(TOKEN_KEY) || "";
  token.addEventListener("change", () => {
    const value = token.value.trim();
    if (value) localStorage.setItem(TOKEN_KEY, value);
    else localStorage.removeItem(TOKEN_KEY);
    refreshJobs();
    if (page.jobId && !page.job) showJob(page.jobId); // it may have failed for want of the token
  });
  $("#solve-form").addEventListener("submit", submit);
  $("#add-example").addEventListener("click", () => addExample().querySelector("textarea").focus());
  $("#problem-file").addEventListener("change", loadProblemFile);
  $("#file-clear").addEventListener("click", useStatement);
  $("#cancel").addEventListener("click", cancel);
  $("#refresh-jobs").addEventListener("click", refreshJobs);
  window.addEventListener("hashchange", () => {
    const id = jobFromHash();
    if (id && id !== page.jobId) showJob(id);
  });
  addExample();
  setInterval(() => {
    if (page.job && !FINAL.has(page.job.state)) tick();
  }, 200);
  loadServer();
  refreshJobs();
  const id = jobFromHash();
  if (id) showJob(id);
}

start();
