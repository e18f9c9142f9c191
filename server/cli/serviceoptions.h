// SPDX-License-Identifier: MIT
#pragma once

#include "options.h"
#include "service.h"

namespace outpost::cli {

/// The Service's options from the command line / config file.
inline server::ServiceOptions serviceOptions(const DaemonOptions &o)
{
    server::ServiceOptions s;
    s.dbUrl = o.dbUrl.isEmpty() ? defaultDbUrl() : o.dbUrl;
    s.attachmentsDir = o.attachmentsDir;
    s.tokenTtlMinutes = o.tokenTtlMinutes;
    s.maxJsonBytes = o.maxJsonBytes;
    s.maxAttachmentBytes = o.maxAttachmentBytes;
    s.pbkdf2Iterations = o.pbkdf2Iterations;
    s.minPasswordLength = o.minPasswordLength;
    s.hashThreads = o.hashThreads;
    s.hashQueue = o.hashQueue;
    s.signInThrottle.userFreeFailures = o.signInUserFailures;
    s.signInThrottle.addressFreeFailures = o.signInAddressFailures;
    s.trustedProxies = o.trustedProxies;
    s.maxWriters = o.writers;
    s.maxQueuedWriters = o.queuedWrites;
    s.feedRetentionDays = o.retentionDays;
    s.offlineDays = o.offlineDays;
    s.deviceStuckHours = o.deviceStuckHours;
    return s;
}

/// The database URL for logs and messages, with any password masked.
QString redactedDbUrl(const QString &url);

} // namespace outpost::cli
