// Driving the app the way a learner does: the pointer and the keyboard on the
// canvas. The app records where each named widget was drawn
// (window.userpool.widgets(), in CSS pixels); these helpers find a widget,
// scroll it into view if needed, and click or type there.
//
// ImGui reads input once per frame, so every press is held across a frame
// before it is released; otherwise a press and release between two frames
// would never be seen.
'use strict';

// Resolves after the app has drawn at least `count` more frames.
async function frames(page, count = 2) {
  await page.evaluate((n) => new Promise((resolve) => {
    const step = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  }), count);
}

// Turns on the widget registry (off by default in the page).
async function recordWidgets(page) {
  await page.evaluate(() => window.userpool.recordWidgets(true));
  await frames(page);
}

async function widgets(page) {
  return page.evaluate(() => window.userpool.widgets());
}

// The widget's rectangle once it is on screen. The app may still be
// reacting to the last action, so a few frames are waited for first; then the
// view under the middle of the page is scrolled down, then up, as a learner
// would look for it. Throws with the names on screen when it cannot be found.
async function reveal(page, name) {
  const viewport = page.viewportSize();
  for (let attempt = 0; attempt < 70; attempt += 1) {
    const rect = (await widgets(page))[name];
    if (rect && rect.h >= 2) return rect;
    if (attempt >= 6) {
      await page.mouse.move(viewport.width * 0.6, viewport.height * 0.55);
      await page.mouse.wheel(0, attempt < 38 ? 240 : -240);
    }
    await frames(page);
  }
  const onScreen = Object.keys(await widgets(page)).join(', ');
  throw new Error(`widget "${name}" is not on screen; on screen: ${onScreen}`);
}

async function click(page, name) {
  const r = await reveal(page, name);
  const x = r.x + r.w / 2;
  const y = r.y + r.h / 2;
  // Hover for a frame first: tabs and selectable rows take only a press
  // they were hovered for.
  // One frame after the hover and after the press is enough: the app's
  // frame callback runs before this one's in each animation frame, so it
  // has seen the event. After the release, two: the frame that acts on the
  // click, and the one that draws (and records) what it changed.
  await page.mouse.move(x, y);
  await frames(page, 1);
  await page.mouse.down();
  await frames(page, 1);
  await page.mouse.up();
  await frames(page);
}

// A key (or chord such as "Control+A") held for a frame.
async function press(page, key) {
  const parts = key.split('+');
  for (const k of parts) await page.keyboard.down(k);
  await frames(page);
  for (const k of parts.reverse()) await page.keyboard.up(k);
  await frames(page);
}

// Clicks a text field, selects what is there and types over it.
async function type(page, name, text) {
  await click(page, name);
  await press(page, 'Control+A');
  await page.keyboard.type(text);
  await frames(page);
}

async function shown(page, name) {
  const rect = (await widgets(page))[name];
  return Boolean(rect && rect.h >= 2);
}

module.exports = { frames, recordWidgets, widgets, reveal, click, press, type, shown };
