// The office's pages: the login's school list, and the day page that reads /api/admin/office/today every 5 seconds
// with the session cookie. Dutch or English (remembered in this browser). Every text from the store goes in with
// textContent, never as HTML.
(() => {
  'use strict';
  const words = {
    nl: {
      ui_language: 'Taal van deze pagina', login_title: 'Inloggen voor de administratie', login_failed: 'Die sleutel is niet goed voor deze school. Probeer het opnieuw.',
      school: 'School', key: 'Sleutel van de school (of van het bestuur)', login: 'Inloggen', login_hint: 'U blijft 8 uur ingelogd. De sleutel staat nooit in een adres.',
      logout: 'Uitloggen', absent: 'Afwezig vandaag', talks: 'Gesprekken, komende 7 dagen', handoffs: 'Doorgegeven aan de school, afgelopen week',
      feedback_title: 'Feedback, afgelopen week', announcements: 'Berichten aan ouders', exports: 'Exporteren (CSV)',
      export_absences: 'Afwezigheid vandaag', export_bookings: 'Gesprekken komende 7 dagen', locale: 'nl-NL',
      dayOf: (school, date) => `${school}: de dag van ${date}`, everyone: '(iedereen)', absentCount: n => `(${n} afwezig)`,
      kinds: { sick: 'ziek', appointment: 'afspraak', other: 'afwezig' }, from: 'vanaf', until: 'tot', between: (a, b) => `van ${a} tot ${b}`,
      late: '(laat gemeld)', open_ended: '(tot beter)', noTalks: 'Geen gesprekken gepland.', talk: (t, when) => `${when}: ${t.child} (groep ${t.group}) bij ${t.teacher}, ${t.room}`,
      nothing: 'Niets doorgegeven.', passed: { question: 'vraag', handoff: 'terugbelverzoek of bericht', privacy: 'privacy', 'announcement-reply': 'antwoord op een bericht', message: 'bericht', booking: 'gesprek' },
      from_parent: 'van', open: 'open', answeredBy: who => `beantwoord door ${who}`,
      feedback: n => n === 1 ? '1 bericht met feedback.' : `${n} berichten met feedback.`, noAnnouncements: 'Geen berichten verstuurd.',
      delivery: { queued: 'in de wachtrij', sending: 'wordt verstuurd', sent: 'verstuurd', delivered: 'afgeleverd', read: 'gelezen', failed: 'mislukt', undelivered: 'niet afgeleverd', held: 'wacht (stille uren)', 'opted-out': 'afgemeld (STOP)' },
      updated: t => `Bijgewerkt om ${t}.`,
    },
    en: {
      ui_language: 'Language of this page', login_title: "Log in for the school's office", login_failed: 'That key is not right for this school. Please try again.',
      school: 'School', key: "The school's key (or the board's)", login: 'Log in', login_hint: 'You stay logged in for 8 hours. The key is never in an address.',
      logout: 'Log out', absent: 'Absent today', talks: 'Talks, next 7 days', handoffs: 'Passed on to the school, last week',
      feedback_title: 'Feedback, last week', announcements: 'Messages to parents', exports: 'Export (CSV)',
      export_absences: 'Absences today', export_bookings: 'Talks next 7 days', locale: 'en-GB',
      dayOf: (school, date) => `${school}: the day of ${date}`, everyone: '(everyone)', absentCount: n => `(${n} absent)`,
      kinds: { sick: 'sick', appointment: 'appointment', other: 'absent' }, from: 'from', until: 'until', between: (a, b) => `from ${a} to ${b}`,
      late: '(reported late)', open_ended: '(until better)', noTalks: 'No talks planned.', talk: (t, when) => `${when}: ${t.child} (group ${t.group}) with ${t.teacher}, ${t.room}`,
      nothing: 'Nothing passed on.', passed: { question: 'question', handoff: 'call-back request or message', privacy: 'privacy', 'announcement-reply': 'reply to a message', message: 'message', booking: 'talk' },
      from_parent: 'from', open: 'open', answeredBy: who => `answered by ${who}`,
      feedback: n => n === 1 ? '1 message with feedback.' : `${n} messages with feedback.`, noAnnouncements: 'No messages sent.',
      delivery: { queued: 'queued', sending: 'sending', sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed', undelivered: 'undelivered', held: 'held (quiet hours)', 'opted-out': 'opted out (STOP)' },
      updated: t => `Updated at ${t}.`,
    },
  };
  const $ = id => document.getElementById(id);
  const el = (tag, text, className) => { const e = document.createElement(tag); if (text !== undefined) { e.textContent = text; } if (className) { e.className = className; } return e; };
  let lang = localStorage.getItem('ouderbot-office-language') === 'en' ? 'en' : 'nl';
  let last = null;
  const t = key => words[lang][key];
  const time = iso => new Date(iso).toLocaleString(t('locale'), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

  function applyLanguage() {
    document.documentElement.lang = lang;
    $('ui-language').value = lang;
    document.querySelectorAll('[data-text]').forEach(e => { e.textContent = t(e.dataset.text); });
    if (last) { render(last); }
  }

  $('ui-language').addEventListener('change', event => {
    lang = event.target.value;
    localStorage.setItem('ouderbot-office-language', lang);
    applyLanguage();
  });

  if ($('key')) {
    if (new URLSearchParams(location.search).has('failed')) { $('failed').hidden = false; }
    applyLanguage();
    fetch('/office/schools').then(r => r.json()).then(schools => {
      for (const s of schools) { const o = el('option', s.name); o.value = s.id; $('school').append(o); }
    });
    return;
  }

  function absence(row) {
    let text = `${row.child}: ${t('kinds')[row.kind] || row.kind}`;
    if (row.from && row.until) { text += ' ' + t('between')(row.from, row.until); } else if (row.until) { text += ` ${t('until')} ${row.until}`; } else if (row.from) { text += ` ${t('from')} ${row.from}`; }
    if (row.reportedLate) { text += ' ' + t('late'); }
    if (row.openEnded) { text += ' ' + t('open_ended'); }
    return el('li', text);
  }

  function render(day) {
    last = day;
    const date = new Date(day.date).toLocaleDateString(t('locale'), { weekday: 'long', day: 'numeric', month: 'long' });
    $('title').textContent = t('dayOf')(day.school, date);
    const absences = $('absences');
    absences.replaceChildren();
    for (const group of day.groups) {
      const box = el('div', undefined, 'group');
      const h = el('h3', group.name + ' ');
      h.append(el('span', group.absences.length === 0 ? t('everyone') : t('absentCount')(group.absences.length), 'count'));
      box.append(h);
      if (group.absences.length > 0) { const ul = el('ul'); group.absences.forEach(a => ul.append(absence(a))); box.append(ul); }
      box.dataset.group = group.id;
      absences.append(box);
    }
    $('talks').replaceChildren(...(day.talks.length === 0 ? [el('li', t('noTalks'))] : day.talks.map(x => el('li', t('talk')(x, time(x.start))))));
    $('handoffs').replaceChildren(...(day.handoffs.length === 0 ? [el('li', t('nothing'))] : day.handoffs.map(h => {
      const state = h.answeredBy ? ` [${t('answeredBy')(h.answeredBy)}]` : h.open ? ` [${t('open')}]` : '';
      return el('li', `${time(h.receivedAt)}, ${t('passed')[h.kind] || h.kind} ${t('from_parent')} ${h.parent}${h.children.length ? ' (' + h.children.join(', ') + ')' : ''}${state}: ${h.text}`);
    })));
    $('feedback').textContent = t('feedback')(day.feedback);
    $('announcements').replaceChildren(...(day.announcements.length === 0 ? [el('li', t('noAnnouncements'))] : day.announcements.map(a => {
      const status = Object.entries(a.delivery).map(([k, n]) => `${n} ${t('delivery')[k] || k}`).join(', ');
      return el('li', `${time(a.createdAt)}: ${a.text.length > 80 ? a.text.slice(0, 80) + '…' : a.text} (${status})`);
    })));
    $('export-absences').href = day.exports.absences;
    $('export-bookings').href = day.exports.bookings;
    $('updated').textContent = t('updated')(new Date().toLocaleTimeString(t('locale'), { hour: '2-digit', minute: '2-digit', second: '2-digit' }));
    $('day').setAttribute('aria-busy', 'false');
    document.body.dataset.ready = 'true';
  }

  async function refresh() {
    const response = await fetch('/api/admin/office/today', { credentials: 'same-origin' });
    if (response.status === 401 || response.status === 403) { location.href = '/office/login'; return; }
    if (response.ok) { render(await response.json()); }
  }

  // The next look 5 seconds after this one answered: slow answers never pile up.
  async function loop() {
    try { await refresh(); } catch { /* the next one tries again */ }
    setTimeout(loop, 5000);
  }

  applyLanguage();
  loop();
})();
