// Jobs list and a job's pipeline board.
import { api, enc } from '../api.js';
import { h, mount, badge, fullName, dash, emailText, restoreFocus } from '../dom.js';
import { candidateMenu, exportBadges, changedBadges } from './candidates.js';

export async function renderJobs(ctx) {
  const { el } = ctx;
  mount(el, h('h1', { testid: 'page-title' }, 'Jobs'), h('p', { class: 'muted' }, 'Loading jobs…'));
  const jobs = await api('GET', '/jobs');
  if (!ctx.isCurrent()) return;
  mount(el,
    h('div', { class: 'page-header' }, h('h1', { testid: 'page-title' }, 'Jobs')),
    (jobs || []).length === 0 ? h('div', { class: 'empty' }, 'No jobs yet.')
      : h('div', { class: 'table-wrap' }, h('table', { class: 'table table-cards' },
        h('thead', null, h('tr', null, h('th', null, 'Job'), h('th', null, 'Department'), h('th', null, 'Location'),
          h('th', { class: 'num' }, 'Candidates'), h('th', { class: 'num' }, 'Hired'), h('th', null, h('span', { class: 'sr-only' }, 'Pipeline')))),
        h('tbody', null, jobs.map((j) => h('tr', { testid: 'job-row', dataset: { jobId: String(j.id) } },
          h('td', { class: 'col-main' }, h('a', { href: `#/jobs/${enc(j.id)}/pipeline`, class: 'strong', testid: 'job-link' }, j.name)),
          h('td', { 'data-label': 'Department' }, dash(j.department)), h('td', { 'data-label': 'Location' }, dash(j.location)),
          h('td', { class: 'num', 'data-label': 'Candidates' }, dash(j.candidateCount)), h('td', { class: 'num', 'data-label': 'Hired' }, dash(j.hiredCount)),
          h('td', null, h('a', { href: `#/jobs/${enc(j.id)}/pipeline`, 'aria-label': `Pipeline of ${j.name}` }, 'Pipeline ›'))))))));
}

export async function renderPipeline(ctx) {
  const { el, params } = ctx;
  const id = params[0];
  mount(el, h('p', { class: 'muted' }, 'Loading pipeline…'));
  const load = async () => {
    const p = await api('GET', `/jobs/${enc(id)}/pipeline`);
    if (!ctx.isCurrent()) return;
    render(p);
    restoreFocus();
  };
  function render(p) {
    const job = p.job || {};
    const stages = (p.stages || []).slice().sort((a, b) => (a.position || 0) - (b.position || 0));
    mount(el,
      h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/jobs' }, 'Jobs'), ' › ', job.name || id),
      h('div', { class: 'page-header' },
        h('div', null, h('h1', { testid: 'page-title' }, job.name || 'Job'),
          h('div', { class: 'subtitle' }, [job.department, job.location].filter(Boolean).join(' · '))),
      ),
      h('div', { class: 'tabs', role: 'tablist' }, h('span', { class: 'tab active', role: 'tab', 'aria-selected': 'true' }, 'Pipeline')),
      h('div', { class: 'board', testid: 'pipeline-board' }, stages.map((s) => h('section', {
        class: 'stage' + (s.hired ? ' stage-hired' : ''), testid: 'pipeline-stage', dataset: { stageName: s.name, stageId: String(s.id) },
        'aria-label': s.name,
      },
      h('header', { class: 'stage-head' }, h('h2', null, s.name), h('span', { class: 'count' }, String((s.candidates || []).length))),
      h('div', { class: 'stage-cards' },
        (s.candidates || []).length === 0 ? h('p', { class: 'muted small' }, 'No candidates') : null,
        (s.candidates || []).map((c) => h('article', { class: 'pipeline-card', testid: 'pipeline-card', dataset: { candidateId: String(c.id) } },
          h('div', { class: 'card-top' },
            h('a', { href: `#/candidates/${enc(c.id)}`, class: 'strong' }, fullName(c)),
            candidateMenu(c, { openCandidate: true, navigate: ctx.navigate, onExported: () => load().catch(() => {}), where: 'pipeline' })),
          h('div', { class: 'muted small' }, emailText(c.email)),
          h('div', { class: 'card-badges' }, c.status && c.status !== 'ACTIVE' ? badge(c.status) : null, exportBadges(c.exports), changedBadges(c)))))))));
  }
  await load();
}
