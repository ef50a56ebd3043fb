// Preloaded into an enforcement process by a test: removes the directory projector's handler for
// one subscribed event, so start-up must fail. Runs before the app's modules load.
'use strict';
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const exported = load.call(this, request, parent, isMain);
  if (exported && exported.OrganizationDirectoryProjector && !exported.__handlerDropped) {
    const { DOMAIN_EVENT_HANDLER } = load.call(this, '@app/messaging', parent, false);
    Reflect.deleteMetadata(DOMAIN_EVENT_HANDLER, exported.OrganizationDirectoryProjector.prototype.onStatusChanged);
    exported.__handlerDropped = true;
  }
  return exported;
};
