// SPDX-License-Identifier: MIT
// Internal to outpost_store: whether the last process that had a store open closed it.
#pragma once

#include <QString>

namespace outpost::client::openmarks {

/// While a process has a store open it holds a lock file beside it ("<store>.open-<uuid>", a
/// QLockFile with its pid; one per process, shared by its instances, removed with the last one).
/// A lock file whose process is gone (crash, kill -9, power loss) means that process never closed
/// the store: the next verifying open runs the full integrity check.

/// Takes (or shares) this process's mark on `storePath`.
void retain(const QString &storePath);
/// Drops one instance's share; the last one removes the mark.
void release(const QString &storePath);

/// True when a process that had the store open ended without closing it, now or at an earlier
/// open whose full check did not pass. Such marks are turned into "<store>.check-needed", which
/// stays until passed() is called, so a failed or interrupted check is run again next time.
bool uncleanShutdown(const QString &storePath);
/// The full check passed: forget the unclean shutdown.
void passed(const QString &storePath);
/// The full check found damage: every later open checks in full again until one passes.
void failed(const QString &storePath);

} // namespace outpost::client::openmarks
