// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/casetype.h"
#include "userstore.h"

namespace outpost::server {

/// The deterministic demo data set: users alice, bob (technicians of queues north, south) and carol
/// (admin); case types inspection, repair, installation; data pages sites (200) and parts (1,000);
/// `cases` cases spread over alice, bob and the queues, each with `history` history entries (its
/// creation by carol, then notes by carol; audit rows and the feed's history entries). A no-op when
/// seeded already.
Status seedDemoData(Database &db, UserStore &users, int cases, int history = 0);

/// The demo case types (also used by tests).
QList<CaseType> demoCaseTypes();

} // namespace outpost::server
