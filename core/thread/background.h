// SPDX-License-Identifier: MIT
#pragma once

class QThreadPool;

namespace outpost {

/// Lowers the calling thread's scheduling priority once (Linux: its nice value by 5), so that
/// background work (the sync engine, list reloads) yields the CPU to the GUI thread when the
/// machine is busy. Never raised again (that needs privileges), so call it only on threads that do
/// nothing but background work. Does nothing where the system has no per-thread priority.
void lowerCurrentThreadPriority();

/// A thread pool for background reads whose results the GUI can wait for (a list reload while a
/// sync lands, search texts): its threads run at lowered priority (lowerCurrentThreadPriority), at
/// most two at a time. The global pool stays for work a person is waiting on (sign-in checks).
QThreadPool *backgroundPool();

} // namespace outpost
