// Loads the crypto bridge (tests/conformance/crypto_bridge.cpp, built as wasm
// by the "web" preset) and offers call(op, params) -> answer.
'use strict';
const path = require('path');

const BUILD = process.env.USERPOOL_WEB_BUILD || path.resolve(__dirname, '../../build/web');

async function loadBridge() {
  const createBridge = require(path.join(BUILD, 'tests/crypto_bridge.js'));
  const module = await createBridge();
  return (op, params = {}) =>
    JSON.parse(module.ccall('bridge_call', 'string', ['string'], [JSON.stringify({ op, ...params })]));
}

module.exports = { loadBridge };
