// The chat simulator: talks to the bot through the local channel, as a parent's phone would. No framework, no build:
// every text from the bot is put in with textContent, never as HTML.
(() => {
  'use strict';

  const words = {
    nl: {
      title: 'OuderBot proberen', intro: 'Stuur berichten zoals een ouder dat doet. Het gesprek loopt door dezelfde bot als sms en WhatsApp.',
      ui_language: 'Taal van deze pagina', school: 'School', parent: 'Ouder', phone: 'Telefoonnummer van de ouder', view: 'Bekijken als',
      sms: 'SMS', whatsapp: 'WhatsApp', reset: 'Opnieuw beginnen', chat: 'Gesprek', message: 'Uw bericht', send: 'Versturen',
      other: 'Ander nummer', segments: n => n === 1 ? '1 sms-deel' : `${n} sms-delen`, gsm: 'GSM-7', ucs: 'UCS-2 (duurder)',
      chars: n => `${n} tekens`, started: 'De school stuurt', whatsappMeta: 'WhatsApp', sent: 'Verstuurd.', fresh: 'Nieuw gesprek.',
      failed: 'Niet gelukt: ', busy: 'De bot is even bezig. Probeer het zo opnieuw.', needPhone: 'Vul een telefoonnummer in.',
    },
    en: {
      title: 'Try OuderBot', intro: 'Send messages as a parent would. The conversation goes through the same bot as SMS and WhatsApp.',
      ui_language: 'Language of this page', school: 'School', parent: 'Parent', phone: "Parent's phone number", view: 'View as',
      sms: 'SMS', whatsapp: 'WhatsApp', reset: 'Start again', chat: 'Conversation', message: 'Your message', send: 'Send',
      other: 'Other number', segments: n => n === 1 ? '1 SMS segment' : `${n} SMS segments`, gsm: 'GSM-7', ucs: 'UCS-2 (costs more)',
      chars: n => `${n} characters`, started: 'The school sends', whatsappMeta: 'WhatsApp', sent: 'Sent.', fresh: 'New conversation.',
      failed: 'Did not work: ', busy: 'The bot is busy. Please try again shortly.', needPhone: 'Fill in a phone number.',
    },
  };

  const $ = id => document.getElementById(id);
  const school = $('school'), parent = $('parent'), phone = $('phone'), chat = $('chat'), text = $('text'), status = $('status');
  let lang = 'nl';
  let schools = [];
  let seen = 0;

  const t = key => words[lang][key];

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = t('title');
    document.querySelectorAll('[data-text]').forEach(el => { el.textContent = t(el.dataset.text); });
    const other = parent.querySelector('option[value=""]');
    if (other) { other.textContent = t('other'); }
  }

  function view() { return document.querySelector('input[name=view]:checked').value; }

  function meta(reply) {
    if (view() === 'whatsapp') { return t('whatsappMeta'); }
    return `${t('segments')(reply.segments)}, ${reply.gsm7 ? t('gsm') : t('ucs')}, ${t('chars')(reply.text.length)}`;
  }

  function add(kind, body, reply, label) {
    const li = document.createElement('li');
    li.className = kind;
    if (label) {
      const strong = document.createElement('strong');
      strong.textContent = label + ': ';
      li.append(strong);
    }
    li.append(document.createTextNode(body));
    if (reply) {
      const small = document.createElement('span');
      small.className = 'meta';
      small.textContent = meta(reply);
      small.dataset.segments = String(reply.segments);
      li.append(small);
      li.dataset.reply = JSON.stringify(reply);
    }
    chat.append(li);
    chat.scrollTop = chat.scrollHeight;
  }

  function redrawMeta() {
    document.querySelector('.phone').classList.toggle('whatsapp', view() === 'whatsapp');
    chat.querySelectorAll('li[data-reply]').forEach(li => { li.querySelector('.meta').textContent = meta(JSON.parse(li.dataset.reply)); });
  }

  function fillParents() {
    const chosen = schools.find(s => s.id === school.value);
    parent.replaceChildren();
    for (const p of chosen ? chosen.parents : []) {
      const option = document.createElement('option');
      option.value = p.phone;
      option.textContent = `${p.name} (${p.children.join(', ')})`;
      parent.append(option);
    }
    const other = document.createElement('option');
    other.value = '';
    other.textContent = t('other');
    parent.append(other);
    phone.value = parent.value;
  }

  async function json(response) {
    if (response.ok) { return response.status === 204 ? null : response.json(); }
    if (response.status === 503) { throw new Error(t('busy')); }
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch { /* not JSON */ }
    throw new Error(detail);
  }

  async function send(message) {
    if (!phone.value.trim()) { status.textContent = t('needPhone'); phone.focus(); return; }
    add('me', message);
    const response = await fetch('/api/local/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: phone.value.trim(), to: school.value, text: message }),
    });
    const body = await json(response);
    for (const reply of body.replies) { add('bot', reply.text, reply); }
    status.textContent = t('sent');
  }

  // What the bot starts (announcements, reminders, waiting-list offers) arrives as on the phone.
  async function poll() {
    if (!phone.value.trim()) { return; }
    try {
      const response = await fetch(`/api/local/messages?from=${encodeURIComponent(phone.value.trim())}&to=${encodeURIComponent(school.value)}`);
      const body = await json(response);
      for (const message of body.messages.slice(seen)) {
        add('bot started', message.text, { text: message.text, segments: message.segments, gsm7: message.gsm7 }, t('started'));
      }
      seen = Math.max(seen, body.messages.length);
    } catch { /* the next poll tries again */ }
  }

  async function startAfresh() {
    chat.replaceChildren();
    await json(await fetch('/api/local/reset', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: phone.value.trim(), to: school.value }),
    }));
    const response = await fetch(`/api/local/messages?from=${encodeURIComponent(phone.value.trim())}&to=${encodeURIComponent(school.value)}`);
    seen = (await json(response)).messages.length;
    status.textContent = t('fresh');
  }

  async function switchParent() {
    chat.replaceChildren();
    seen = 0;
    if (phone.value.trim()) {
      try {
        const response = await fetch(`/api/local/messages?from=${encodeURIComponent(phone.value.trim())}&to=${encodeURIComponent(school.value)}`);
        seen = (await json(response)).messages.length;
      } catch { seen = 0; }
    }
  }

  $('send').addEventListener('submit', async event => {
    event.preventDefault();
    const message = text.value.trim();
    if (!message) { return; }
    text.value = '';
    try { await send(message); } catch (error) { status.textContent = t('failed') + error.message; }
    text.focus();
  });
  $('reset').addEventListener('click', async () => {
    try { await startAfresh(); } catch (error) { status.textContent = t('failed') + error.message; }
  });
  school.addEventListener('change', async () => { fillParents(); await switchParent(); });
  parent.addEventListener('change', async () => { phone.value = parent.value; await switchParent(); if (!parent.value) { phone.focus(); } });
  phone.addEventListener('change', switchParent);
  document.querySelectorAll('input[name=view]').forEach(r => r.addEventListener('change', redrawMeta));
  $('ui-language').addEventListener('change', event => { lang = event.target.value; applyLanguage(); redrawMeta(); });

  (async () => {
    schools = await json(await fetch('/api/local/schools'));
    for (const s of schools) {
      const option = document.createElement('option');
      option.value = s.id;
      option.textContent = s.name;
      school.append(option);
    }
    fillParents();
    await switchParent();
    applyLanguage();
    setInterval(poll, 1500);
    document.body.dataset.ready = 'true';
  })().catch(error => { status.textContent = t('failed') + error.message; });
})();
