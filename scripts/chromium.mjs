// Where the browser tests find Chromium, and the flags that make WebGL work headless (SwiftShader).
//
// Compositing: Chrome on a machine without a usable GPU composites the page in software and runs
// WebGL on SwiftShader. Forcing ANGLE onto SwiftShader alone would also move compositing onto it,
// and there every frame's SwapBuffers redraws the whole viewport through an emulated GPU (a trace
// shows the GPU process in SwapBuffers ~95 % of the time): a training trainer in embed.html got
// 4 frames per second that way and 35–51 with software compositing, alternating runs of the same
// build on this 2-core machine under the same load. So the page is composited in software
// (`--disable-gpu-compositing`) while WebGL keeps SwiftShader. Set GT_GPU_COMPOSITING=1 to measure
// the other way.
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export const chromiumArgs = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  ...(process.env.GT_GPU_COMPOSITING === '1' ? [] : ['--disable-gpu-compositing']),
];
