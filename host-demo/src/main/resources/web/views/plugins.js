import { h, mount } from '../dom.js';
export async function renderPlugins(ctx) { mount(ctx.el, h('p', null, 'Coming soon')); }
