// One live stream per browser, shared by all its tabs: the tab that holds the Web Lock "vigia-live" opens
// the server-sent events stream and passes every event on through a BroadcastChannel; when it closes,
// another tab takes the lock and the stream. (A browser allows six connections per server over HTTP/1.1:
// one stream per tab made the seventh tab hang.) Pages listen with window.vigiaLive.on(name, handler).
// Also keeps the status banner of every page: Redis unreachable, bot not running, console unreachable.
(function () {
  const base = document.body.dataset.base || '/';
  const handlers = {};
  let last = null;
  function emit(name, data) {
    (handlers[name] || []).forEach(fn => {
      try { fn(data); } catch (e) { /* one page handler must not stop the others */ }
    });
  }
  window.vigiaLive = {
    on(name, fn) {
      (handlers[name] = handlers[name] || []).push(fn);
    },
    // The bot's answer to the command this page was sent back from (#command-result), asked for when the page
    // opens (it may have come before the page was back), whenever the bot answers something, and while it is
    // pending every 2 s for a minute (an answer that came between the page's first question and its live
    // stream's start would otherwise be missed). doneText(answer) picks the text of a command carried out
    // (default: the element's data-done); onDone(answer) runs once it was.
    commandResult(doneText, onDone) {
      const result = document.getElementById('command-result');
      let polls = 0;
      function answered() {
        if (!result || !result.dataset.command || result.dataset.answered) return;
        fetch(base + 'commands/' + encodeURIComponent(result.dataset.command), { credentials: 'same-origin' })
          .then(r => r.ok ? r.json() : Promise.reject(r.status))
          .then(answer => {
            if (answer.type === 'pending') {
              if (polls++ < 30) setTimeout(answered, 2000);
              return;
            }
            const done = answer.type === 'command-done';
            result.textContent = done ? (doneText ? doneText(answer, result) : result.dataset.done)
              : result.dataset.failed;
            result.className = done ? 'notice' : 'error';
            result.dataset.answered = 'true';
            if (done && onDone) onDone(answer);
          })
          .catch(() => { /* the banner says what is wrong */ });
      }
      answered();
      this.on('command', answered);
    }
  };
  const channel = window.BroadcastChannel ? new BroadcastChannel('vigia-live') : null;
  let leader = false;
  if (channel) {
    channel.onmessage = m => {
      if (m.data.name === 'hello') {
        if (leader && last) channel.postMessage({ name: 'status', data: last });
        return;
      }
      if (m.data.name === 'status') last = m.data.data;
      emit(m.data.name, m.data.data);
    };
  }
  function share(name, data) {
    if (name === 'status') last = data;
    emit(name, data);
    if (channel) channel.postMessage({ name, data });
  }
  function stream() {
    leader = true;
    document.documentElement.dataset.liveLeader = 'true';
    return new Promise(() => { // the lock is held for the life of the tab
      const source = new EventSource(base + 'events');
      ['status', 'incidents', 'observers', 'command'].forEach(name => source.addEventListener(name, e => {
        share(name, JSON.parse(e.data));
      }));
      source.onerror = () => share('status', { status: 'console-down' });
    });
  }
  if (navigator.locks && channel) {
    navigator.locks.request('vigia-live', stream);
    channel.postMessage({ name: 'hello' });
  } else {
    stream();
  }

  // a button that revokes or removes asks first
  document.addEventListener('click', e => {
    const button = e.target.closest('button[data-confirm]');
    if (button && !window.confirm(button.dataset.confirm)) e.preventDefault();
  });

  const banner = document.getElementById('status-banner');
  window.vigiaLive.on('status', s => {
    if (!banner) return;
    const text = s.status === 'redis-down' ? banner.dataset.redisDown
      : s.status === 'bot-down' ? banner.dataset.botDown
        : s.status === 'console-down' ? banner.dataset.consoleDown : '';
    banner.dataset.status = s.status;
    banner.replaceChildren();
    if (text) {
      const p = document.createElement('p');
      p.className = 'banner';
      p.textContent = text;
      banner.appendChild(p);
    }
  });
})();
