// The public WebSocket feed (chamber.v1, no sign-in): the state once, then every public
// event as it is committed. Reconnects by itself with the protocol's backoff and jitter and
// starts again from a fresh state, so a viewer on a phone that lost the network catches up.
// Every name comes from protocol.js, generated from the server's C++ definitions.
import { COMMANDS, SERVER, SUBPROTOCOL, command, hello, reconnectDelayMs, resume } from './protocol.js';

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
    const ws = new WebSocket(`${scheme}://${location.host}/`, SUBPROTOCOL);
    this.ws = ws;
    this.head = null;
    this.subscribed = false;
    ws.onopen = () => {
      this.attempt = 0;
      ws.send(JSON.stringify(hello('portal/0.1')));
      this.request(COMMANDS.STATE_GET);
    };
    ws.onmessage = (m) => {
      let msg;
      try { msg = JSON.parse(m.data); } catch (e) { return; }
      if (msg.type === SERVER.OK && msg.result && msg.result.state) {
        this.head = msg.result.head;
        this.onState(msg.result.state);
        if (!this.subscribed) {  // events from the state's head on, once per connection
          this.subscribed = true;
          ws.send(JSON.stringify(resume(`r${++this.counter}`, this.head)));
          this.onConnection(true);
        }
      } else if (msg.type === SERVER.EVENT) {
        this.onEvent(msg);
      }
    };
    ws.onclose = () => {
      this.onConnection(false);
      setTimeout(() => this.connect(), reconnectDelayMs(this.attempt++));
    };
  }

  request(cmd) {
    this.ws.send(JSON.stringify(command(`q${++this.counter}`, cmd)));
  }

  /// Asks for the whole state again (after an event this page does not fold itself). A roll
  /// call sends many events at once: one request for them all, a moment later.
  refresh() {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      if (this.ws.readyState === WebSocket.OPEN) this.request(COMMANDS.STATE_GET);
    }, 250);
  }
}
