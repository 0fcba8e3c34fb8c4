import { h, mount } from '../dom.js';
export async function renderIntegrations(ctx) { mount(ctx.el, h('p', null, 'Coming soon')); }
export async function renderIntegrationDetails(ctx) { mount(ctx.el, h('p', null, 'Coming soon')); }
