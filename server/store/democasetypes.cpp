// SPDX-License-Identifier: MIT
// The demo data set's case types: inspection, repair, installation (version 1 each).
#include "demoseed.h"

#include <QJsonDocument>

namespace outpost::server {

namespace {
const char kInspection[] = R"json({"name":"inspection","version":1,"title":"Site inspection",
 "statuses":["New","InProgress","Resolved-Completed","Resolved-Withdrawn"],
 "fields":[
  {"name":"site","label":"Site","type":"lookup","dataPage":"sites","required":true},
  {"name":"readingKw","label":"Meter reading (kW)","type":"number","min":0,"max":100000},
  {"name":"visitDate","label":"Visit date","type":"date","required":true},
  {"name":"priority","label":"Priority","type":"choice","choices":["low","normal","high"]},
  {"name":"passed","label":"Passed","type":"bool"},
  {"name":"permitNo","label":"Permit number","type":"text","pattern":"[A-Z]{2}-[0-9]{4}","maxLength":7},
  {"name":"summary","label":"Summary","type":"text","maxLength":2000}],
 "flowActions":[
  {"name":"start","label":"Start work","from":["New"],"to":"InProgress"},
  {"name":"complete","label":"Complete","from":["InProgress"],"to":"Resolved-Completed","requires":["readingKw","passed"]},
  {"name":"withdraw","label":"Withdraw","from":["New","InProgress"],"to":"Resolved-Withdrawn"}],
 "conflictPolicy":{"default":"merge","fields":{"readingKw":"serverWins","summary":"clientWins"}}})json";

const char kRepair[] = R"json({"name":"repair","version":1,"title":"Repair",
 "statuses":["New","Diagnosed","InRepair","Resolved-Fixed","Resolved-Withdrawn"],
 "fields":[
  {"name":"site","label":"Site","type":"lookup","dataPage":"sites","required":true},
  {"name":"reportedAt","label":"Reported at","type":"datetime","required":true},
  {"name":"fault","label":"Fault","type":"choice","choices":["electrical","mechanical","hydraulic","other"]},
  {"name":"part","label":"Part","type":"lookup","dataPage":"parts"},
  {"name":"quantity","label":"Quantity","type":"number","min":1,"max":100},
  {"name":"urgent","label":"Urgent","type":"bool"},
  {"name":"notes","label":"Notes","type":"text","maxLength":4000}],
 "flowActions":[
  {"name":"diagnose","label":"Diagnose","from":["New"],"to":"Diagnosed","requires":["fault"]},
  {"name":"startRepair","label":"Start repair","from":["Diagnosed"],"to":"InRepair","requires":["part","quantity"]},
  {"name":"finish","label":"Finish","from":["InRepair"],"to":"Resolved-Fixed"},
  {"name":"withdraw","label":"Withdraw","from":["New","Diagnosed","InRepair"],"to":"Resolved-Withdrawn"}],
 "conflictPolicy":{"default":"serverWins","fields":{"notes":"merge","part":"clientWins"}}})json";

const char kInstallation[] = R"json({"name":"installation","version":1,"title":"Installation",
 "statuses":["Planned","Installing","Resolved-Commissioned","Resolved-Withdrawn"],
 "fields":[
  {"name":"site","label":"Site","type":"lookup","dataPage":"sites","required":true},
  {"name":"kind","label":"Kind","type":"choice","choices":["solar","battery","heatpump"],"required":true},
  {"name":"scheduledFor","label":"Scheduled for","type":"datetime"},
  {"name":"serialNo","label":"Serial number","type":"text","pattern":"SN-[0-9]{6}","maxLength":9},
  {"name":"capacityKw","label":"Capacity (kW)","type":"number","min":0,"max":5000},
  {"name":"handoverDate","label":"Handover date","type":"date"},
  {"name":"commissioned","label":"Commissioned","type":"bool"}],
 "flowActions":[
  {"name":"begin","label":"Begin installation","from":["Planned"],"to":"Installing"},
  {"name":"commission","label":"Commission","from":["Installing"],"to":"Resolved-Commissioned",
   "requires":["serialNo","capacityKw","commissioned"]},
  {"name":"withdraw","label":"Withdraw","from":["Planned","Installing"],"to":"Resolved-Withdrawn"}],
 "conflictPolicy":{"default":"clientWins","fields":{"capacityKw":"merge","serialNo":"serverWins"}}})json";
} // namespace

QList<CaseType> demoCaseTypes()
{
    QList<CaseType> out;
    for (const char *json : { kInspection, kRepair, kInstallation })
        out.append(CaseType::fromJson(QJsonDocument::fromJson(json).object()).value());
    return out;
}

} // namespace outpost::server
