// The public WebSocket feed (chamber.v1, no sign-in): the state once, then every public
// event as it is committed. Reconnects by itself with backoff and jitter and starts again
// from a fresh state, so a viewer on a phone that lost the network catches up.
export class Feed {
  constructor({ onState, onEvent, onConnection }) {
    this.onState = onState;
    this.onEvent = onEvent;
    this.onConnection = onConnection || (() => {});
    this.attempt = 0;
    this.counter = 0;
    this.connect();
  }

  connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/`, 'chamber.v1');
    this.ws = ws;
    this.head = null;
    this.subscribed = false;
    ws.onopen = () => {
      this.attempt = 0;
      ws.send(JSON.stringify({ type: 'hello', version: 1, client: 'portal/0.1' }));
      this.request('state.get');
    };
    ws.onmessage = (m) => {
      let msg;
      try { msg = JSON.parse(m.data); } catch (e) { return; }
      if (msg.type === 'ok' && msg.result && msg.result.state) {
        this.head = msg.result.head;
        this.onState(msg.result.state);
        if (!this.subscribed) {  // events from the state's head on, once per connection
          this.subscribed = true;
          ws.send(JSON.stringify({ type: 'resume', id: `r${++this.counter}`, after: this.head }));
          this.onConnection(true);
        }
      } else if (msg.type === 'event') {
        this.onEvent(msg);
      }
    };
    ws.onclose = () => {
      this.onConnection(false);
      const base = Math.min(10000, 500 * 2 ** this.attempt++);
      setTimeout(() => this.connect(), base * (0.8 + 0.4 * Math.random()));
    };
  }

  request(cmd) {
    this.ws.send(JSON.stringify({ type: 'cmd', id: `q${++this.counter}`, cmd, args: {} }));
  }

  /// Asks for the whole state again (after an event this page does not fold itself). A roll
  /// call sends many events at once: one request for them all, a moment later.
  refresh() {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      if (this.ws.readyState === WebSocket.OPEN) this.request('state.get');
    }, 250);
  }
}
