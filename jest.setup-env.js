// Each test file gets its own BullMQ key prefix before any module reads QUEUE_PREFIX.
process.env.QUEUE_PREFIX = `t${require('node:crypto').randomBytes(5).toString('hex')}`;
