// Jobs list and a job's pipeline board.
import { api, enc } from '../api.js';
import { h, mount, badge, fullName, dash, emailText, restoreFocus, ellipsisMenu, toast } from '../dom.js';
import { candidateMenu, exportBadges, changedBadges } from './candidates.js';
import { errorMessage } from './form.js';

const DRAG_TYPE = 'application/x-hirerelay-candidate';

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

/**
 * Moves the candidate through PUT /candidates/{id}, the one API of stage moves (pipeline, candidate page), so that a
 * move into Hired starts what the integrations do on Hired. Says the outcome in a toast, then calls onMoved.
 */
export async function moveToStage(c, stage, { onMoved, refocusId } = {}) {
  try {
    await api('PUT', `/candidates/${enc(c.id)}`, { body: { stageId: stage.id } });
    toast(`${fullName(c)} moved to ${stage.name}`, 'success');
  } catch (err) {
    if (err.status === 401) return;
    toast(errorMessage(err), 'error', 8000);
  }
  if (onMoved) await Promise.resolve(onMoved()).catch(() => {});
  const again = refocusId && document.getElementById(refocusId);
  if (again) again.focus();
}

/**
 * The "Move to…" menu button of a candidate ({id, stageId, firstName, lastName}): the job's other stages. Its
 * accessible name starts with its visible text (WCAG 2.5.3, label in name) and adds whose card it is.
 */
export function stageMenu(c, stages, { onMoved }) {
  const key = `move-${c.id}`;
  const others = stages.filter((s) => s.id !== c.stageId);
  return ellipsisMenu(others.map((s) => ({ id: `stage-${s.id}`, label: s.name,
    onSelect: () => moveToStage(c, s, { onMoved, refocusId: `menu-button-${key}` }) })),
  { label: `Move to… (${fullName(c)})`, key, text: 'Move to…', testid: 'move-button' });
}

export async function renderPipeline(ctx) {
  const { el, params } = ctx;
  const id = params[0];
  // Moving a candidate is an edit: the roles that may export may move (the server checks the same).
  const mayMove = ctx.user && ctx.user.role !== 'INTERVIEWER';
  let dragged = null; // the candidate being dragged
  mount(el, h('p', { class: 'muted' }, 'Loading pipeline…'));
  const load = async () => {
    const p = await api('GET', `/jobs/${enc(id)}/pipeline`);
    if (!ctx.isCurrent()) return;
    render(p);
    restoreFocus();
  };
  function dropTarget(section, stage) {
    if (!mayMove) return;
    section.addEventListener('dragover', (e) => {
      if (!dragged || dragged.stageId === stage.id) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      section.classList.add('drop-target');
    });
    section.addEventListener('dragleave', (e) => { if (!section.contains(e.relatedTarget)) section.classList.remove('drop-target'); });
    section.addEventListener('drop', (e) => {
      e.preventDefault();
      section.classList.remove('drop-target');
      const c = dragged;
      dragged = null;
      if (c && c.stageId !== stage.id) moveToStage(c, stage, { onMoved: load });
    });
  }
  function card(c, stages) {
    const article = h('article', { class: 'pipeline-card', testid: 'pipeline-card', dataset: { candidateId: String(c.id) }, draggable: mayMove ? 'true' : null },
      h('div', { class: 'card-top' },
        h('a', { href: `#/candidates/${enc(c.id)}`, class: 'strong' }, fullName(c)),
        candidateMenu(c, { openCandidate: true, navigate: ctx.navigate, onExported: () => load().catch(() => {}), where: 'pipeline' })),
      h('div', { class: 'muted small' }, emailText(c.email)),
      h('div', { class: 'card-badges' }, c.status && c.status !== 'ACTIVE' ? badge(c.status) : null, exportBadges(c.exports), changedBadges(c)),
      mayMove ? h('div', { class: 'card-actions' }, stageMenu(c, stages, { onMoved: load })) : null);
    if (mayMove) {
      article.addEventListener('dragstart', (e) => {
        dragged = c;
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData(DRAG_TYPE, String(c.id));
        article.classList.add('dragging');
      });
      article.addEventListener('dragend', () => { article.classList.remove('dragging'); dragged = null; });
    }
    return article;
  }
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
      mayMove ? h('p', { class: 'muted small' }, 'Drag a card to another stage, or use its "Move to…" button.') : null,
      h('div', { class: 'board', testid: 'pipeline-board' }, stages.map((s) => {
        const section = h('section', {
          class: 'stage' + (s.hired ? ' stage-hired' : ''), testid: 'pipeline-stage', dataset: { stageName: s.name, stageId: String(s.id) },
          'aria-label': s.name,
        },
        h('header', { class: 'stage-head' }, h('h2', null, s.name), h('span', { class: 'count' }, String((s.candidates || []).length))),
        h('div', { class: 'stage-cards' },
          (s.candidates || []).length === 0 ? h('p', { class: 'muted small' }, 'No candidates') : null,
          (s.candidates || []).map((c) => card(Object.assign({}, c, { stageId: s.id }), stages))));
        dropTarget(section, s);
        return section;
      })));
  }
  await load();
}
