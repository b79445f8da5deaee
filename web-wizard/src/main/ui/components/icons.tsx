// Line icons for the navigation (drawn here: 16x16, stroke currentColor).
const base = { viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5, 'aria-hidden': true } as const;

export const IconTables = () => (
  <svg {...base}><rect x="2" y="2.5" width="12" height="11" rx="1.5" /><path d="M2 6h12M2 9.5h12M6 6v7.5" /></svg>
);
export const IconModel = () => (
  <svg {...base}><circle cx="8" cy="8" r="2.2" /><circle cx="3" cy="3" r="1.5" /><circle cx="13" cy="3" r="1.5" /><circle cx="3" cy="13" r="1.5" /><circle cx="13" cy="13" r="1.5" /><path d="M4.1 4.1 6.4 6.4M11.9 4.1 9.6 6.4M4.1 11.9l2.3-2.3M11.9 11.9 9.6 9.6" /></svg>
);
export const IconCube = () => (
  <svg {...base}><path d="M8 1.8 13.5 5v6L8 14.2 2.5 11V5z" /><path d="M2.5 5 8 8.2 13.5 5M8 8.2v6" /></svg>
);
export const IconJobs = () => (
  <svg {...base}><rect x="1.8" y="2.5" width="4" height="3" rx=".8" /><rect x="10.2" y="2.5" width="4" height="3" rx=".8" /><rect x="6" y="10.5" width="4" height="3" rx=".8" /><path d="M3.8 5.5V8h8.4V5.5M8 8v2.5" /></svg>
);
export const IconInsight = () => (
  <svg {...base}><path d="M2 13.5h12" /><path d="M4 11V7.5M7 11V4M10 11V6M13 11V2.5" /></svg>
);
