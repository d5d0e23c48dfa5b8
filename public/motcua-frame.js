// motcua — for the page that shows the widget in an iframe (frame.html), on sites whose CMS strips
// module scripts but keeps a plain <script src>. It grows and shrinks each iframe[data-motcua] to
// the widget's height. Without it the iframe keeps the height of its height attribute.
//
//   <script src="https://xa.gov.vn/motcua/motcua-frame.js" defer></script>
//   <iframe data-motcua src="https://xa.gov.vn/motcua/frame.html?origin=https://xa.gov.vn"
//           title="Tra cứu thủ tục hành chính" width="100%" height="900"></iframe>
//
// A message is taken only from the window inside one of those iframes, from the origin of its src,
// with { type: 'motcua:height', height: <a number from 100 to 20000> }; everything else is ignored.
// (A sandboxed iframe needs allow-same-origin, or its messages come from origin "null".)
(function () {
  'use strict';
  if (window.motcuaFrame) return; // included twice
  window.motcuaFrame = true;

  var MIN = 100;
  var MAX = 20000;

  function originOf(frame) {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!event.source || !data || typeof data !== 'object' || data.type !== 'motcua:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < MIN || height > MAX) return;
    var frames = document.querySelectorAll('iframe[data-motcua]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (event.source === frame.contentWindow && event.origin === originOf(frame)) {
        frame.style.height = Math.ceil(height) + 'px';
        return;
      }
    }
  });
})();
