// Server-sent events over fetch(): EventSource cannot send an Authorization header, fetch can, and it can send
// Last-Event-ID on a reconnect as well. The parser follows the event-stream format of the HTML standard.

export class EventStreamParser {
  constructor() {
    this.buffer = "";
    this.reset();
  }

  reset() {
    this.kind = "";
    this.data = [];
    this.id = null;
  }

  // Feed a chunk of text (any split, even inside a line or a CRLF); returns the events it completed, each
  // {event, data, id} with the data lines joined by "\n".
  push(chunk) {
    this.buffer += chunk;
    const events = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match) break;
      // A CR at the very end may be the first half of a CRLF split across chunks: wait for the next one.
      if (match[0] === "\r" && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  // The stream ended: a CR held back as the possible first half of a CRLF was a line's end after all. An event
  // still without its blank line is dropped, as the standard says.
  end() {
    if (!this.buffer.endsWith("\r")) return [];
    return this.push("\n");
  }

  line(line) {
    if (line === "") {
      if (this.data.length === 0) {
        this.kind = "";
        return null;
      }
      const event = { event: this.kind || "message", data: this.data.join("\n"), id: this.id };
      this.kind = "";
      this.data = [];
      return event;
    }
    if (line.startsWith(":")) return null; // a comment: the server's keep-alive
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.kind = value;
    else if (field === "data") this.data.push(value);
    else if (field === "id" && !value.includes("\0")) this.id = value;
    return null;
  }
}

// Read one response body of events, calling onEvent for each; resolves when the server ends the stream.
export async function readEvents(response, onEvent) {
  const parser = new EventStreamParser();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    const events = done ? parser.end() : parser.push(value);
    for (const event of events) onEvent(event);
    if (done) break;
  }
}

// Follow an event stream until `isDone()` says so or `signal` aborts: reconnect when the connection ends early,
// sending the last id seen so that the server resumes after it. `headers()` is asked anew on each connection (the
// token may have changed); onError gets a failed Response (and the loop ends) or a network error (and it retries).
export async function follow(url, { headers, onEvent, onError, isDone, signal, retryMs = 1000 }) {
  let lastId = null;
  let delay = retryMs;
  while (!signal.aborted && !isDone()) {
    const request = { ...headers(), Accept: "text/event-stream" };
    if (lastId !== null) request["Last-Event-ID"] = lastId;
    try {
      const response = await fetch(url, { headers: request, signal, cache: "no-store" });
      if (!response.ok) {
        onError(response);
        return;
      }
      await readEvents(response, (event) => {
        if (event.id !== null) lastId = event.id;
        delay = retryMs;
        onEvent(event);
      });
    } catch (error) {
      if (signal.aborted) return;
      onError(error);
    }
    if (isDone() || signal.aborted) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 15000);
  }
}
