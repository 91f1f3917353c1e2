// The interview page. It keeps the profile as a plain object, posts it to /v1/evaluate after every answer, asks the
// report's first question that was not skipped, and shows the whole report. Report data is only ever written with
// textContent (never innerHTML), so nothing in a report or a profile can inject markup.
'use strict';

(() => {
    // 1. Where the page is, and what it remembers between answers.
    const $ = (id) => document.getElementById(id);
    const state = {
        profile: {},     // the facts so far, in the contract's JSON form
        skipped: [],     // facts the user chose not to answer
        history: [],     // snapshots for "Undo last answer"
        report: null,    // the last report
        question: null,  // the question on screen
        opened: {},      // which "Reasons" lists the user opened or closed, by section
        confirming: null, // an answer questioned as impossible, kept if the user sends it again
    };

    // Report properties that are not outcomes (they have their own place), and titles for the outcomes we know.
    const NOT_OUTCOMES = new Set(['asOf', 'summary', 'suggestions', 'suggestionSearch', 'facts', 'documents', 'actions', 'advisories', 'findings', 'house', 'questions', 'ruleSet']);
    const TITLES = {
        general: 'General requirements',
        outsideCanada: 'Applying from outside Canada',
        insideCanada: 'Applying from inside Canada',
        portOfEntry: 'Applying at a port of entry',
        route: 'Route',
        biometricsAtPortOfEntry: 'Biometrics at the port of entry',
        medicalExam: 'Immigration medical exam',
        openPermit: 'Open work permit category',
        employer: 'Employer and permit conditions',
        interimAuthorization: 'Working while the application is processed',
        afterApplying: 'After applying',
    };
    // Which findings explain which outcome: a rule ID, or its area's prefix. A finding is shown once, with the first
    // outcome (in the report's order) that claims it; the rules of an outcome the report leaves out are not shown.
    const RULE_PREFIXES = {
        general: ['GEN'],
        outsideCanada: ['OUT'],
        insideCanada: ['INS'],
        portOfEntry: ['POE', 'OWP-01', 'LMIA-06'],
        biometricsAtPortOfEntry: ['BIO'],
        medicalExam: ['IME'],
        openPermit: ['OWP'],
        employer: ['LMIA', 'CHG'],
        interimAuthorization: ['AFT-15', 'AFT-16', 'AFT-17'],
        afterApplying: ['AFT'],
    };
    const claims = (prefixes, id) => prefixes.some((p) => id === p || id.startsWith(`${p}-`));

    // The application the summary answers for, by the profile's channel.
    const CHANNELS = {
        port_of_entry: 'Applying at a port of entry',
        outside_canada_online: 'Applying online from outside Canada',
        inside_canada_online: 'Applying online from inside Canada',
    };
    const MEANINGS = {
        yes: 'Nothing the rules check stands in the way; the officer makes the final decision.',
        no: 'This application cannot succeed as the facts stand: the rules below block it.',
        unknown: 'Not settled yet: the rules below are still open.',
    };

    // How documents and actions are grouped, by their kind: forms to file apart from documents to bring.
    const ITEM_GROUPS = [['form', 'forms'], ['document', 'documents'], ['detail', 'details'], ['action', 'actions']];

    // Fact labels where the path's last word alone would read oddly (the CLI uses the same ones).
    const FACT_LABELS = {
        'person.usLawfulPermanentResident': 'US permanent resident',
        'person.passportCountry': 'passport',
        'statusInCanada.status': 'status in Canada',
        'travel.mode': 'travel by',
        'travel.portOfEntry': 'port of entry',
        'travel.validUsNonImmigrantVisa': 'valid US non-immigrant visa',
        'travel.heldCanadianVisaPast10Years': 'Canadian visa in the past 10 years',
        'job.employerNonComplianceStatus': 'employer on the non-compliance list',
        'medical.intendedStayMonths': 'stay (months)',
        'medical.designatedCountryMonthsPastYear': 'months in designated countries (past year)',
    };
    // The property that answers each outcome's main question, and labels that humanise() would get wrong.
    const HEADLINES = ['outcome', 'required', 'category'];
    const LABELS = { etaEligibility: 'eTA eligibility', caqMayBeNeeded: 'CAQ may be needed', awaitsOfficer: 'Awaits the officer' };
    const label = (name) => LABELS[name] || humanise(name);

    // 2. Small helpers: make an element with text, humanise identifiers, read and write dotted paths.
    function el(tag, options, ...children) {
        const node = document.createElement(tag);
        for (const [key, value] of Object.entries(options || {})) {
            if (key === 'text') node.textContent = value;
            else if (key === 'class') node.className = value;
            else node.setAttribute(key, value);
        }
        for (const child of children) {
            if (child !== null && child !== undefined) node.append(child);
        }
        return node;
    }

    function humanise(value) {
        if (value === true || value === 'true') return 'Yes';
        if (value === false || value === 'false') return 'No';
        // Rule IDs, country codes and form names (POE-01, IN, IMM5710) stay as they are; snake_case values and
        // camelCase property names become words.
        if (/^[A-Z0-9]/.test(String(value))) return String(value);
        const text = String(value).replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
        return text.charAt(0).toUpperCase() + text.slice(1);
    }

    function setPath(target, path, value) {
        const parts = path.split('.');
        let node = target;
        for (const part of parts.slice(0, -1)) {
            if (typeof node[part] !== 'object' || node[part] === null || Array.isArray(node[part])) node[part] = {};
            node = node[part];
        }
        node[parts[parts.length - 1]] = value;
    }

    function badge(value) {
        const text = String(value);
        const tone = text === 'yes' ? 'yes' : text === 'no' ? 'no' : text === 'unknown' ? 'unknown' : 'info';
        return el('span', { class: `badge ${tone}`, text: humanise(text) });
    }

    // A cited passage marks emphasis as **bold**; show it bold without parsing any HTML.
    function quote(text) {
        const block = el('blockquote');
        const paragraph = el('p');
        String(text).split('**').forEach((part, i) => {
            paragraph.append(i % 2 === 1 ? el('strong', { text: part }) : document.createTextNode(part));
        });
        block.append(paragraph);
        return block;
    }

    // 2a. The profile's values behind a finding: its "read" paths looked up in the report's "facts", as "arrival
    //     2025-03-01"; the exam's expiry the report works out is added beside IME-05, which rests on it.
    function factLabel(path) {
        if (FACT_LABELS[path]) return FACT_LABELS[path];
        const name = path.slice(path.lastIndexOf('.') + 1);
        const words = name.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/([0-9])([A-Za-z])/g, '$1 $2').toLowerCase();
        return words.endsWith(' date') ? words.slice(0, -' date'.length) : words;
    }

    function factValue(value) {
        if (value === 'true') return 'yes';
        if (value === 'false') return 'no';
        return /^[a-z_]+$/.test(value) ? value.replace(/_/g, ' ') : value;
    }

    function factsBehind(report, finding) {
        const facts = report.facts || {};
        const parts = (finding.read || [])
            .filter((path) => Object.prototype.hasOwnProperty.call(facts, path))
            .map((path) => ({ path, text: `${factLabel(path)} ${factValue(facts[path])}` }));
        const expiry = report.medicalExam && report.medicalExam.expiryDate;
        if (finding.ruleId === 'IME-05' && expiry) {
            parts.push({ path: 'medicalExam.expiryDate', text: `exam expires ${expiry} (worked out)` });
        }
        return parts;
    }

    function ruleTitle(report, id) {
        const finding = report.findings.find((f) => f.ruleId === id);
        return finding ? finding.title : '';
    }

    // 3. Turning a typed answer into the contract's value, by the question's kind (as the CLI does).
    const DATE = /^\d{4}-\d{2}-\d{2}$/;
    function parseAnswer(question, raw) {
        const text = String(raw).trim();
        if (text === '') return { problem: 'Give an answer, or skip the question.' };
        switch (question.kind) {
            case 'boolean':
                return { value: text === 'true' };
            case 'enumeration':
                return question.allowedAnswers.includes(text)
                    ? { value: text }
                    : { problem: `Choose one of: ${question.allowedAnswers.map(humanise).join(', ')}.` };
            case 'date':
                return DATE.test(text) ? { value: text } : { problem: `'${text}' is not a date in the form yyyy-MM-dd.` };
            case 'country':
                return { value: text.toUpperCase() };
            case 'countries':
                return { value: text.split(/[\s,;]+/).filter(Boolean).map((c) => c.toUpperCase()) };
            case 'count':
                return /^\d+$/.test(text) ? { value: Number(text) } : { problem: `'${text}' is not a whole number, 0 or more.` };
            case 'number':
                return /^\d+(\.\d+)?$/.test(text)
                    ? { value: Number(text) }
                    : { problem: `'${text}' is not a number, 0 or more (use a dot for decimals).` };
            case 'periods': {
                const periods = [];
                for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
                    const [country, from, to, extra] = part.split(/\s+/);
                    if (!country || !DATE.test(from || '') || !DATE.test(to || '') || extra) {
                        return { problem: `'${part}' is not a period like 'IN 2024-01-01 2024-09-30'.` };
                    }
                    periods.push({ country: country.toUpperCase(), from, to });
                }
                return { value: periods };
            }
            default:
                return { value: text };
        }
    }

    // 3a. Dates that cannot both be true (as the CLI's ImpossibleDates): the server accepts each on its own, so an answer
    //     that contradicts a date already given is questioned at once and kept only if the user sends it again.
    const DATE_PAIRS = [
        ['medical.examDate', 'travel.arrivalDate', 'a medical exam for entry is taken before arriving'],
        ['application.submittedDate', 'application.decisionLetterDate', 'a decision comes after the application'],
        ['medical.examDate', 'medical.indicatedExpiryDate', 'a medical result expires after the exam'],
    ];
    function getPath(source, path) {
        return path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), source);
    }
    function contradiction(profile, fact) {
        for (const [earlier, later, why] of DATE_PAIRS) {
            if (fact !== earlier && fact !== later) continue;
            const first = getPath(profile, earlier);
            const second = getPath(profile, later);
            if (typeof first === 'string' && typeof second === 'string' && first > second) {
                return `${earlier} (${first}) is after ${later} (${second}), but ${why}.`;
            }
        }
        return null;
    }

    // 4. Asking the server. A 400 lists problems by path; anything else that is not a report is a general failure.
    async function evaluate(profile) {
        let response;
        try {
            response = await fetch('v1/evaluate', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
                body: JSON.stringify(profile),
            });
        } catch {
            return { problems: [{ message: 'The server could not be reached. Is it still running?' }] };
        }
        const body = await response.json().catch(() => null);
        if (response.ok && body) return { report: body };
        if (body && Array.isArray(body.errors)) return { problems: body.errors };
        return { problems: [{ message: (body && (body.detail || body.title)) || `The server answered ${response.status}.` }] };
    }

    function showProblems(problems, target = 'problems') {
        const box = $(target);
        box.replaceChildren();
        if (!problems || problems.length === 0) return;
        const list = el('ul');
        for (const problem of problems) {
            const where = problem.path ? [el('code', { text: problem.path }), ': '] : [];
            list.append(el('li', {}, ...where, problem.message));
        }
        box.append(el('p', { text: problems.length === 1 ? 'That did not work:' : 'That did not work, for these reasons:' }), list);
    }

    // 5. Rendering the question: buttons for yes/no and fixed lists, an input for dates, countries, numbers and text.
    const HINTS = {
        date: 'A date as yyyy-MM-dd (year, month, day), for example 2025-03-01.',
        date_time: 'A date and time with its offset, for example 2025-06-15T17:30:00-07:00.',
        country: 'A two-letter country code, for example IN or FR.',
        countries: 'Two-letter country codes, separated by commas or spaces, for example IN, FR.',
        count: 'A whole number, 0 or more.',
        number: 'A number, 0 or more; decimals with a dot.',
        periods: 'Periods separated by semicolons, each "country from to", for example IN 2024-01-01 2024-09-30.',
    };

    function renderQuestion() {
        const report = state.report;
        const question = report.questions.find((q) => !state.skipped.includes(q.fact)) || null;
        state.question = question;
        const form = $('question-form');
        const done = $('done');
        const answered = state.history.filter((h) => h.kind === 'answer').length;
        $('progress').textContent = `${answered} answered, ${state.skipped.length} skipped, ${report.questions.length} open.`;
        $('undo-button').disabled = state.history.length === 0;

        if (!question) {
            form.hidden = true;
            done.hidden = false;
            done.textContent = report.questions.length === 0
                ? 'No question left: every outcome that your answers can settle is settled.'
                : `No question left that you have not skipped (${state.skipped.length} skipped). Undo to go back to one.`;
            done.append(' ', el('button', { type: 'button', id: 'restart-button', class: 'secondary', text: 'Edit the starting profile' }));
            $('restart-button').addEventListener('click', () => { $('start-profile').focus(); });
            // The form is gone, so focus goes to the message that says why.
            done.focus();
            return;
        }

        form.hidden = false;
        done.hidden = true;
        form.dataset.fact = question.fact;
        form.dataset.kind = question.kind;
        $('question-text').textContent = question.text;
        const controls = $('answer-controls');
        controls.replaceChildren();
        const choices = question.kind === 'boolean' || (question.kind === 'enumeration' && question.allowedAnswers.length > 0);
        if (choices) {
            for (const answer of question.allowedAnswers) {
                controls.append(el('button', {
                    type: 'submit', name: 'answer', value: answer, class: 'choice', text: humanise(answer),
                }));
            }
            $('answer-hint').textContent = 'Choose one answer.';
        } else {
            const id = 'answer-input';
            // A date is typed as yyyy-MM-dd, as the hint says: a browser's date picker would show the user's own format.
            const input = el('input', {
                id,
                name: 'answer',
                type: question.kind === 'count' || question.kind === 'number' ? 'number' : 'text',
                autocomplete: 'off', 'aria-describedby': 'answer-hint',
            });
            if (question.kind === 'date') { input.placeholder = 'yyyy-MM-dd'; input.pattern = '\\d{4}-\\d{2}-\\d{2}'; input.maxLength = 10; }
            if (question.kind === 'count') { input.min = '0'; input.step = '1'; input.inputMode = 'numeric'; }
            if (question.kind === 'number') { input.min = '0'; input.step = 'any'; input.inputMode = 'decimal'; }
            if (question.kind === 'country' || question.kind === 'countries') input.autocapitalize = 'characters';
            controls.append(el('label', { for: id, text: 'Your answer' }), input);
            $('answer-hint').textContent = HINTS[question.kind] || 'Type your answer.';
        }
        $('answer-button').hidden = choices;
        // Focus moves to the new question's first control; a screen reader reads the question (the legend) with it.
        controls.querySelector('button, input').focus();
    }

    // 6. Rendering the report: the summary, what would change it, each outcome with its reasons, then the forms,
    //    documents and actions by name, advice and open questions.
    function renderFinding(finding, report) {
        const item = el('li', { class: 'finding' });
        item.append(el('p', { class: 'finding-head' },
            el('span', { class: 'rule-id', text: finding.ruleId }), ' ',
            el('span', { class: 'finding-title', text: finding.title }), ' ',
            badge(finding.outcome),
            el('span', { class: 'kind', text: ` ${finding.kind}` })));
        const facts = factsBehind(report, finding);
        if (facts.length > 0) {
            const line = el('p', { class: 'facts' }, 'Facts: ');
            facts.forEach((fact, i) => line.append(i > 0 ? ', ' : '', el('span', { class: 'fact', 'data-path': fact.path, title: fact.path, text: fact.text })));
            item.append(line);
        }
        if (finding.missing && finding.missing.length > 0) {
            item.append(el('p', { class: 'missing', text: `Not known yet: ${finding.missing.join(', ')}` }));
        }
        if (finding.note) item.append(el('p', { class: 'note', text: finding.note }));
        for (const citation of finding.citations && finding.citations.length ? finding.citations : [finding.citation]) {
            if (!citation) continue;
            item.append(el('figure', {}, quote(citation.quote), el('figcaption', { text: `— ${citation.sourceTitle}` })));
        }
        if (finding.interpretations && finding.interpretations.length > 0) {
            item.append(el('p', { class: 'hint', text: `Read with interpretation ${finding.interpretations.join(', ')}.` }));
        }
        return item;
    }

    function renderValue(value) {
        if (Array.isArray(value)) {
            if (value.length === 0) return 'None';
            // Each item stays whole on its line (a rule ID never breaks at its hyphen).
            const items = el('span');
            value.forEach((item, i) => items.append(i > 0 ? ', ' : '', el('span', { class: 'item', text: humanise(item) })));
            return items;
        }
        if (value && typeof value === 'object') {
            const list = el('ul', { class: 'pairs' });
            for (const [key, inner] of Object.entries(value)) {
                list.append(el('li', {}, el('span', { class: 'rule-id', text: key }), ' ', badge(inner)));
            }
            return list;
        }
        return /^(yes|no|unknown)$/.test(String(value)) ? badge(value) : humanise(value);
    }

    function renderOutcome(key, value, findings, report) {
        const card = el('article', { class: 'outcome', id: `outcome-${key}`, 'aria-labelledby': `outcome-${key}-title` });
        const fields = value && typeof value === 'object' ? value : { outcome: value };
        const headlineKey = HEADLINES.find((k) => k in fields);
        const headline = headlineKey ? fields[headlineKey] : null;
        card.append(el('h4', { id: `outcome-${key}-title`, text: TITLES[key] || humanise(key) }));
        if (headlineKey) card.append(el('p', { class: 'headline' }, `${label(headlineKey)}: `, badge(headline)));
        // Green and red mean "may" and "may not": only for an outcome, not for "a medical exam is required: yes".
        if (headlineKey === 'outcome' && (headline === 'yes' || headline === 'no')) card.classList.add(headline);

        const rows = el('dl');
        for (const [field, inner] of Object.entries(fields)) {
            if (field === headlineKey) continue;
            rows.append(el('dt', { text: label(field) }), el('dd', {}, renderValue(inner)));
        }
        if (rows.childElementCount > 0) card.append(rows);
        if (!headlineKey && rows.childElementCount === 0) card.append(el('p', { class: 'nothing', text: 'Nothing settled yet.' }));

        if (findings.length > 0) {
            const settled = findings.filter((f) => f.outcome !== 'unknown').length;
            const details = el('details', { class: 'reasons' });
            const open = state.opened[key];
            details.open = open === undefined ? headline === 'yes' || headline === 'no' : open;
            details.addEventListener('toggle', () => { state.opened[key] = details.open; });
            details.append(el('summary', { text: `Reasons: ${findings.length} rules (${settled} settled)` }));
            const list = el('ul', { class: 'findings' });
            // Settled rules first: they are what the outcome rests on.
            const ordered = [...findings].sort((a, b) => (a.outcome === 'unknown') - (b.outcome === 'unknown'));
            for (const finding of ordered) list.append(renderFinding(finding, report));
            details.append(list);
            card.append(details);
        }
        return card;
    }

    function renderList(target, items, render, empty) {
        const list = $(target);
        list.replaceChildren();
        if (!items || items.length === 0) {
            list.append(el('li', { class: 'empty', text: empty }));
            return;
        }
        for (const item of items) list.append(render(item));
    }

    function renderSummary(report) {
        const summary = report.summary;
        const box = $('summary');
        box.replaceChildren();
        const subject = CHANNELS[summary.channel] || 'The application';
        const card = el('article', { class: `summary-card ${summary.outcome}`, id: 'summary-card', 'aria-labelledby': 'summary-headline' });
        card.append(el('p', { class: 'summary-headline', id: 'summary-headline' }, `${subject}: `, badge(summary.outcome)));
        const meaning = !summary.channel && summary.outcome === 'unknown'
            ? 'Not settled until the profile says how the application is made (application.channel).'
            : MEANINGS[summary.outcome];
        card.append(el('p', { class: 'hint', text: meaning }));
        for (const [title, ids, name] of [['Blocked by', summary.blocking, 'blocking'], ['Still open', summary.open, 'open'], ['Awaits the officer', summary.awaitsOfficer, 'awaits']]) {
            if (!ids || ids.length === 0) continue;
            const list = el('ul', { class: 'rules', id: `summary-${name}` });
            for (const id of ids) list.append(el('li', {}, el('span', { class: 'rule-id', text: id }), ' ', ruleTitle(report, id)));
            card.append(el('h4', { text: title }), list);
        }
        box.append(card);
    }

    // 6a. What would change the answer, under the summary when it is not yes: each change the server checked (its
    //     sentence, every fact from the profile's value to the new one, and the rules that change with it), or, when it
    //     found none, its reason. Nothing is shown for a yes, nor when the server does not look for suggestions.
    function changeValue(value, missing) {
        if (value === undefined || value === null) return el('em', { text: missing });
        return el('span', { class: 'value', text: typeof value === 'string' ? value : JSON.stringify(value) });
    }

    function renderSuggestion(suggestion) {
        const item = el('li', { class: 'suggestion' });
        item.append(el('p', { class: 'suggestion-text', text: suggestion.text }));
        const changes = el('ul', { class: 'changes' });
        for (const change of suggestion.changes || []) {
            changes.append(el('li', { 'data-fact': change.fact },
                el('code', { text: change.fact }), ': ',
                changeValue(change.from, 'unknown'), ' → ', changeValue(change.to, '(removed)')));
        }
        item.append(changes);
        if (suggestion.rules && suggestion.rules.length > 0) {
            const rules = el('p', { class: 'hint suggestion-rules' }, 'Rules that change: ');
            suggestion.rules.forEach((id, i) => rules.append(i > 0 ? ', ' : '', el('span', { class: 'rule-id', text: id })));
            item.append(rules);
        }
        return item;
    }

    function renderSuggestions(report) {
        const suggestions = report.suggestions || [];
        const search = report.suggestionSearch || { status: 'off', text: '' };
        const reason = suggestions.length === 0 && !['not_needed', 'off'].includes(search.status) ? search.text : '';
        $('suggestions-group').hidden = report.summary.outcome === 'yes' || (suggestions.length === 0 && !reason);
        $('suggestions').replaceChildren(...suggestions.map(renderSuggestion));
        $('suggestions').hidden = suggestions.length === 0;
        $('suggestion-reason').textContent = reason;
        $('suggestion-reason').hidden = !reason;
    }

    function renderItems(report) {
        // Documents and actions together, each once, grouped by what the person does with them.
        const seen = new Set();
        const items = [...report.documents, ...report.actions].filter((i) => !seen.has(i.id) && seen.add(i.id));
        for (const [kind, name] of ITEM_GROUPS) {
            const group = items.filter((i) => (i.kind || 'document') === kind);
            $(`${name}-group`).hidden = group.length === 0;
            renderList(name, group, (i) => el('li', { 'data-id': i.id }, i.name || humanise(i.id), ' ', el('span', { class: 'rule-id', text: i.ruleId })), '');
        }
        $('no-items').hidden = items.length > 0;
    }

    function renderReport() {
        const report = state.report;
        $('results').hidden = false;
        renderSummary(report);
        renderSuggestions(report);

        // Every outcome the report has, in its order, with the findings that explain it. An outcome the report leaves
        // out (or leaves empty) is not shown, nor are the rules that would only explain it.
        const outcomes = $('outcomes');
        outcomes.replaceChildren();
        const placed = new Set();
        for (const key of Object.keys(report).filter((k) => !NOT_OUTCOMES.has(k))) {
            const value = report[key];
            const isEmpty = value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
            if (isEmpty) continue;
            const prefixes = RULE_PREFIXES[key] || [];
            const findings = report.findings.filter((f) => !placed.has(f.ruleId) && claims(prefixes, f.ruleId));
            findings.forEach((f) => placed.add(f.ruleId));
            outcomes.append(renderOutcome(key, value, findings, report));
        }

        // The firm's own rules (house rules), when the server runs any: each finding with its outcome and source.
        const house = report.house || [];
        if (house.length > 0) {
            const card = el('article', { class: 'outcome', id: 'outcome-house', 'aria-labelledby': 'outcome-house-title' });
            card.append(el('h4', { id: 'outcome-house-title', text: "House rules (the firm's own checks)" }));
            const list = el('ul', { class: 'findings' });
            for (const finding of house) list.append(renderFinding(finding, report));
            card.append(list);
            outcomes.append(card);
        }

        renderItems(report);
        renderList('advisories', report.advisories, (a) => el('li', {},
            el('p', {}, el('span', { class: 'rule-id', text: a.ruleId }), ' ', a.text),
            el('figure', {}, quote(a.citation.quote), el('figcaption', { text: `— ${a.citation.sourceTitle}` }))), 'None.');
        renderList('remaining', report.questions, (q) => {
            const skipped = state.skipped.includes(q.fact);
            return el('li', { class: skipped ? 'skipped' : '' }, q.text, ' ', el('code', { text: q.fact }), skipped ? ' (skipped)' : null);
        }, 'None: nothing the applicant can answer would change an outcome.');
        $('profile-json').textContent = JSON.stringify(state.profile, null, 2);
        const ruleSet = report.ruleSet;
        $('ruleset').textContent = `Rule set ${ruleSet.version} (${ruleSet.rules} rules, fingerprint ${ruleSet.fingerprint}); as of ${report.asOf.evaluation}.`;

        // The live region says, in one sentence, where the application stands: screen readers announce it after every answer.
        const summary = report.summary;
        const blocked = summary.blocking.length > 0 ? ` Blocked by ${summary.blocking.join(', ')}.` : '';
        $('status').textContent = `${CHANNELS[summary.channel] || 'The application'}: ${humanise(summary.outcome)}.${blocked} ${report.questions.length} questions open.`;
    }

    // 7. The flow: start from the pasted profile, then answer, skip or undo; every change is evaluated again. Problems
    //    with a new starting profile are shown with that profile, never under an interview already on screen.
    async function run(profile, historyEntry) {
        const result = await evaluate(profile);
        if (result.problems) {
            // Before the first report there is no question to show, only the problems.
            $('question-section').hidden = false;
            $('question-form').hidden = state.report === null;
            showProblems(result.problems);
            return false;
        }
        showProblems([]);
        if (historyEntry) state.history.push(historyEntry);
        state.profile = profile;
        state.report = result.report;
        $('question-section').hidden = false;
        renderReport();
        renderQuestion();
        return true;
    }

    function startProblems(problems) {
        showProblems(problems, 'start-problems');
        const field = $('start-profile');
        if (problems.length > 0) {
            field.setAttribute('aria-invalid', 'true');
            field.focus();
        } else {
            field.removeAttribute('aria-invalid');
        }
    }

    $('start-form').addEventListener('submit', async (event) => {
        event.preventDefault();
        let profile;
        try {
            profile = JSON.parse($('start-profile').value.trim() || '{}');
        } catch (error) {
            startProblems([{ path: '$', message: `The starting profile is not valid JSON: ${error.message}` }]);
            return;
        }
        const result = await evaluate(profile);
        if (result.problems) {
            startProblems(result.problems);
            return;
        }
        startProblems([]);
        showProblems([]);
        state.skipped = [];
        state.history = [];
        state.opened = {};
        state.confirming = null;
        state.profile = profile;
        state.report = result.report;
        $('question-section').hidden = false;
        renderReport();
        renderQuestion();
    });

    $('question-form').addEventListener('submit', async (event) => {
        event.preventDefault();
        const question = state.question;
        if (!question) return;
        const source = event.submitter && event.submitter.name === 'answer' ? event.submitter : $('answer-input');
        const parsed = parseAnswer(question, source ? source.value : '');
        if (parsed.problem) {
            showProblems([{ path: question.fact, message: parsed.problem }]);
            if (source) source.focus();
            return;
        }
        const next = structuredClone(state.profile);
        setPath(next, question.fact, parsed.value);
        const impossible = contradiction(next, question.fact);
        const key = `${question.fact}=${JSON.stringify(parsed.value)}`;
        if (impossible && state.confirming !== key) {
            state.confirming = key;
            showProblems([{ path: question.fact, message: `That cannot be right: ${impossible} Send the same date again to keep it, or correct it.` }]);
            if (source) source.focus();
            return;
        }
        state.confirming = null;
        const accepted = await run(next, { kind: 'answer', profile: state.profile, skipped: [...state.skipped] });
        if (!accepted) {
            const input = $('answer-input');
            (input || document.querySelector('#answer-controls button')).focus();
        }
    });

    $('skip-button').addEventListener('click', () => {
        if (!state.question) return;
        state.history.push({ kind: 'skip', profile: state.profile, skipped: [...state.skipped] });
        state.skipped.push(state.question.fact);
        showProblems([]);
        renderReport();
        renderQuestion();
    });

    $('undo-button').addEventListener('click', async () => {
        const last = state.history.pop();
        if (!last) return;
        state.skipped = last.skipped;
        await run(last.profile, null);
    });
})();
