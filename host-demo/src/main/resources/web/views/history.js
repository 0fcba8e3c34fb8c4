import { h, mount } from '../dom.js';
export async function renderExportHistory(ctx) { mount(ctx.el, h('p', null, 'Coming soon')); }
