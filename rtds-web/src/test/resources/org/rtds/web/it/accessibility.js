// The accessibility problems of the page as shown, for the browser tests (Chromium.accessibilityProblems):
// 1. a field a user can reach without an accessible name (label, aria-label or aria-labelledby);
// 2. a button or link without an accessible name (its text, aria-label, aria-labelledby or title);
// 3. an image without alt text (an empty alt marks a decorative one, which is fine);
// 4. visible text whose contrast with its background is below WCAG 2.1 AA: 4.5:1, or 3:1 for large
//    text (at least 24 px, or 18.66 px bold). The background is the first opaque one up the tree;
//    text over an image or a canvas is not judged, nor text a script is fading in or out, and disabled controls
//    are exempt (as WCAG says).
// PrimeFaces' own hidden helpers (aria-hidden, not reachable) are left aside.
var problems = [];
function shown(e) {
  var r = e.getBoundingClientRect();
  var s = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
    && !e.closest('[aria-hidden="true"]');
}
function named(e) {
  if ((e.getAttribute('aria-label') || '').trim() || (e.getAttribute('title') || '').trim()) {
    return true;
  }
  var by = (e.getAttribute('aria-labelledby') || '').split(' ');
  if (by.some(function (id) { return id && document.getElementById(id); })) {
    return true;
  }
  return false;
}
function describe(e) {
  return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string'
    ? '.' + e.className.trim().split(/\s+/).slice(0, 2).join('.') : '');
}
document.querySelectorAll('input, select, textarea').forEach(function (e) {
  if (e.type !== 'hidden' && e.tabIndex >= 0 && shown(e) && !(e.labels && e.labels.length) && !named(e)) {
    problems.push('field without a label: ' + describe(e));
  }
});
document.querySelectorAll('button, a[href], [role="button"]').forEach(function (e) {
  if (shown(e) && !e.textContent.trim() && !named(e)
      && !Array.from(e.querySelectorAll('img')).some(function (i) { return (i.alt || '').trim(); })) {
    problems.push('button or link without a name: ' + describe(e));
  }
});
document.querySelectorAll('img').forEach(function (e) {
  if (shown(e) && !e.hasAttribute('alt')) {
    problems.push('image without alt: ' + describe(e) + ' ' + (e.getAttribute('src') || '').slice(0, 60));
  }
});
function rgba(text) {
  var m = text.match(/rgba?\(([^)]+)\)/);
  if (!m) {
    return null;
  }
  var p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
}
function luminance(c) {
  function lin(v) {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}
function over(top, bottom) { // top composited over an opaque bottom
  return {r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a), a: 1};
}
function background(e) { // null when an image or gradient lies behind the text
  var layers = [];
  for (var n = e; n; n = n.parentElement) {
    var s = getComputedStyle(n);
    if (s.backgroundImage && s.backgroundImage !== 'none') {
      return null;
    }
    var c = rgba(s.backgroundColor);
    if (c && c.a > 0) {
      layers.push(c);
      if (c.a >= 1) {
        break;
      }
    }
  }
  var result = {r: 255, g: 255, b: 255, a: 1};
  for (var i = layers.length - 1; i >= 0; i--) {
    result = over(layers[i], result);
  }
  return result;
}
var seen = 0;
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (var t = walker.nextNode(); t; t = walker.nextNode()) {
  var e = t.parentElement;
  if (!t.textContent.trim() || !e || !shown(e) || e.closest('canvas, svg, script, style, noscript')
      || e.closest('[disabled], .ui-state-disabled, [aria-disabled="true"]')) {
    continue;
  }
  var s = getComputedStyle(e);
  var fg = rgba(s.color);
  var bg = background(e);
  if (!fg || !bg || Number(s.opacity) === 0) {
    continue;
  }
  var opacity = 1;
  var fading = false;
  for (var n = e; n; n = n.parentElement) {
    opacity *= Number(getComputedStyle(n).opacity);
    fading = fading || n.style.opacity !== ''; // an inline opacity: a script's fade in progress
  }
  if (fading) {
    continue; // a transient state (PrimeFaces fades the uploaded files' rows out), not what is read
  }
  fg.a *= opacity;
  var shownFg = over(fg, bg);
  var l1 = luminance(shownFg);
  var l2 = luminance(bg);
  var ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  var size = parseFloat(s.fontSize);
  var large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5) - 0.005 && seen++ < 20) {
    problems.push('contrast ' + ratio.toFixed(2) + ':1 (needs ' + (large ? 3 : 4.5) + '): "'
      + t.textContent.trim().slice(0, 40) + '" in ' + describe(e) + ' (' + s.color + ' on rgb('
      + Math.round(bg.r) + ',' + Math.round(bg.g) + ',' + Math.round(bg.b) + '))');
  }
}
return problems;
