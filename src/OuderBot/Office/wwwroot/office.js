// The office's pages: the login's school list, and the day page that reads /api/admin/office/today every 5 seconds
// with the session cookie. Every text from the store goes in with textContent, never as HTML.
(() => {
  'use strict';
  const $ = id => document.getElementById(id);
  const el = (tag, text, className) => { const e = document.createElement(tag); if (text !== undefined) { e.textContent = text; } if (className) { e.className = className; } return e; };
  const kinds = { sick: 'ziek', appointment: 'afspraak', other: 'afwezig' };
  const passedOn = { question: 'vraag', handoff: 'terugbelverzoek of bericht', privacy: 'privacy', 'announcement-reply': 'antwoord op een bericht', message: 'bericht', booking: 'gesprek' };
  const delivery = { queued: 'in de wachtrij', sending: 'wordt verstuurd', sent: 'verstuurd', delivered: 'afgeleverd', read: 'gelezen', failed: 'mislukt', undelivered: 'niet afgeleverd', held: 'wacht (stille uren)', 'opted-out': 'afgemeld (STOP)' };
  const time = iso => new Date(iso).toLocaleString('nl-NL', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

  if ($('key')) {
    if (new URLSearchParams(location.search).has('failed')) { $('failed').hidden = false; }
    fetch('/office/schools').then(r => r.json()).then(schools => {
      for (const s of schools) { const o = el('option', s.name); o.value = s.id; $('school').append(o); }
    });
    return;
  }

  function absence(row) {
    let text = `${row.child}: ${kinds[row.kind] || row.kind}`;
    if (row.from && row.until) { text += ` van ${row.from} tot ${row.until}`; } else if (row.until) { text += ` tot ${row.until}`; } else if (row.from) { text += ` vanaf ${row.from}`; }
    if (row.reportedLate) { text += ' (laat gemeld)'; }
    if (row.openEnded) { text += ' (tot beter)'; }
    return el('li', text);
  }

  function render(day) {
    $('title').textContent = `${day.school}: de dag van ${new Date(day.date).toLocaleDateString('nl-NL', { weekday: 'long', day: 'numeric', month: 'long' })}`;
    const absences = $('absences');
    absences.replaceChildren();
    for (const group of day.groups) {
      const box = el('div', undefined, 'group');
      const h = el('h3', group.name + ' ');
      h.append(el('span', group.absences.length === 0 ? '(iedereen)' : `(${group.absences.length} afwezig)`, 'count'));
      box.append(h);
      if (group.absences.length > 0) { const ul = el('ul'); group.absences.forEach(a => ul.append(absence(a))); box.append(ul); }
      box.dataset.group = group.id;
      absences.append(box);
    }
    const talks = $('talks');
    talks.replaceChildren(...(day.talks.length === 0 ? [el('li', 'Geen gesprekken gepland.')] : day.talks.map(t => el('li', `${time(t.start)}: ${t.child} (groep ${t.group}) bij ${t.teacher}, ${t.room}`))));
    const handoffs = $('handoffs');
    handoffs.replaceChildren(...(day.handoffs.length === 0 ? [el('li', 'Niets doorgegeven.')] : day.handoffs.map(h => el('li', `${time(h.receivedAt)}, ${passedOn[h.kind] || h.kind} van ${h.parent}${h.children.length ? ' (' + h.children.join(', ') + ')' : ''}: ${h.text}`))));
    $('feedback').textContent = day.feedback === 1 ? '1 bericht met feedback.' : `${day.feedback} berichten met feedback.`;
    const announcements = $('announcements');
    announcements.replaceChildren(...(day.announcements.length === 0 ? [el('li', 'Geen berichten verstuurd.')] : day.announcements.map(a => {
      const status = Object.entries(a.delivery).map(([k, n]) => `${n} ${delivery[k] || k}`).join(', ');
      return el('li', `${time(a.createdAt)}: ${a.text.length > 80 ? a.text.slice(0, 80) + '…' : a.text} (${status})`);
    })));
    $('export-absences').href = day.exports.absences;
    $('export-bookings').href = day.exports.bookings;
    $('updated').textContent = `Bijgewerkt om ${new Date().toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}.`;
    $('day').setAttribute('aria-busy', 'false');
    document.body.dataset.ready = 'true';
  }

  async function refresh() {
    const response = await fetch('/api/admin/office/today', { credentials: 'same-origin' });
    if (response.status === 401 || response.status === 403) { location.href = '/office/login'; return; }
    if (response.ok) { render(await response.json()); }
  }

  refresh();
  setInterval(() => { refresh().catch(() => { /* the next one tries again */ }); }, 5000);
})();
