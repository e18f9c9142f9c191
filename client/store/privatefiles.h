// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

/// What the client writes is for the signed-in user only: the profile directory and everything the
/// client keeps in it (stores with their -wal, -shm and marks, attachment copies, the cache of
/// opened files, settings, profile.json) are 0700 (folders) and 0600 (files) on Unix. Elsewhere
/// these do nothing: the profile lives in the user's own folder, which Windows already keeps private.
namespace outpost::client::privatefiles {

/// New files and folders of this process are private from the start (umask 077): settings,
/// QSaveFile copies, lock files, SQLite's -wal and -shm. Called first thing by `outpost` and the CLI.
void restrictNewFiles();

/// Creates `dir` (and what is missing above it) and makes it 0700. False when it cannot be created.
bool makeDir(const QString &dir);

/// Makes an existing file 0600 (or a folder 0700). For files written by QSaveFile, whose new
/// files follow the process's umask.
void makePrivate(const QString &path);

/// An existing profile made private as its store opens: the store's folder 0700, and the store's
/// own files and folders (`<name>.sqlite`, -wal, -shm, marks, `<name>.attachments/`,
/// `<name>.cache/`, recursively) and the profile's `profile.json` and `outpost.conf` tightened.
/// Nothing else in the folder is touched (a profile may be pointed at a folder that holds more).
void tightenStore(const QString &storePath);

} // namespace outpost::client::privatefiles
