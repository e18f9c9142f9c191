// SPDX-License-Identifier: MIT
// The API's route table: every endpoint below /api/v1 in one place.
#include "apihandler.h"

namespace outpost::server {

const Router &ApiHandler::routes()
{
    using A = ApiHandler;
    // Methods of one path are listed in the order 405's Allow header names them.
    static const Router table {
        { "GET", "health", Access::Public, &A::health },
        { "POST", "session", Access::Public, &A::signIn },
        { "DELETE", "session", Access::Public, &A::signOut }, // authenticates by itself
        { "GET", "sync/changes", Access::SignedIn, &A::changes },
        { "POST", "sync/actions", Access::SignedIn, &A::postActions },
        { "GET", "cases/{id}", Access::SignedIn, &A::getCase },
        { "GET", "cases/{id}/history", Access::SignedIn, &A::getCaseHistory },
        { "GET", "attachments/{uuid}", Access::SignedIn, &A::getAttachment },
        { "PUT", "attachments/{uuid}", Access::SignedIn, &A::putAttachment },
        { "GET", "notify", Access::SignedIn, &A::notifyWithoutUpgrade }, // the upgrade is acceptWebSocket
        // The operations console's session (cookie + CSRF token); DELETE authenticates by itself.
        { "POST", "console/session", Access::Public, &A::openConsoleSession },
        { "GET", "console/session", Access::Dispatch, &A::getConsoleSession },
        { "DELETE", "console/session", Access::Public, &A::endConsoleSession },
        { "POST", "admin/full-sync", Access::Dispatch, &A::forceFullSync },
        { "GET", "admin/sync-issues", Access::Dispatch, &A::listSyncIssues },
        { "POST", "admin/sync-issues/{id}/reapply", Access::Dispatch, &A::reapplySyncIssue },
        { "POST", "admin/sync-issues/{id}/discard", Access::Dispatch, &A::discardSyncIssue },
        // Read by dispatchers too: the console's create form is built from the case type's fields.
        { "GET", "admin/case-types", Access::Dispatch, &A::listCaseTypes },
        { "GET", "admin/case-types/{name}", Access::Dispatch, &A::getCaseType },
        { "PUT", "admin/case-types/{name}", Access::Admin, &A::publishCaseType },
        { "POST", "admin/case-types/{name}/check", Access::Admin, &A::checkCaseType },
        { "GET", "admin/data-pages", Access::Admin, &A::listDataPages },
        { "GET", "admin/data-pages/{name}/csv", Access::Admin, &A::exportDataPage },
        { "POST", "admin/data-pages/{name}/csv", Access::Admin, &A::importDataPage },
        // Dispatch: the console's case list, details, new cases and (bulk) assignment.
        { "GET", "admin/cases", Access::Dispatch, &A::listCases },
        { "POST", "admin/cases", Access::Dispatch, &A::createCase },
        { "POST", "admin/cases/assign", Access::Dispatch, &A::assignCases },
        { "GET", "admin/cases/{id}", Access::Dispatch, &A::caseDetails },
        { "DELETE", "admin/cases/{id}", Access::Admin, &A::purgeCase },
        { "PUT", "admin/cases/{id}/assignment", Access::Dispatch, &A::reassignCase },
        { "GET", "admin/assignees", Access::Dispatch, &A::listAssignees },
        // Users (administrators only).
        { "GET", "admin/users", Access::Admin, &A::listUsers },
        { "POST", "admin/users", Access::Admin, &A::addUser },
        { "PATCH", "admin/users/{id}", Access::Admin, &A::updateUser },
        { "POST", "admin/users/{id}/password", Access::Admin, &A::resetPassword },
        { "POST", "admin/devices/{deviceId}/wipe", Access::Dispatch, &A::wipeDevice },
        { "PUT", "device", Access::SignedIn, &A::putDevice },
        { "GET", "admin/devices", Access::Dispatch, &A::listDevices },
        { "POST", "admin/devices/{deviceId}/full-sync", Access::Dispatch, &A::fullSyncDevice },
        { "POST", "admin/devices/{deviceId}/sign-out", Access::Dispatch, &A::signOutDevice },
        { "POST", "admin/devices/{deviceId}/retire", Access::Dispatch, &A::retireDevice },
        { "GET", "admin/audit", Access::Dispatch, &A::listAudit },
    };
    return table;
}

} // namespace outpost::server
