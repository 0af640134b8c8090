// A worker that fails the way a broken worker file does: it throws as soon as it is initialised.
declare const self: Worker;
self.onmessage = () => {
  throw new Error("boom from crashing.worker");
};
