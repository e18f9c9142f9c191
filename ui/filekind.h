// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace outpost::ui {

/// What an attachment is, for deciding how it may be opened.
enum class FileKind {
    Image, // shown inside the app (QImageReader can read it)
    Pdf, // shown inside the app (QtPdf)
    Program, // never opened, anywhere: an executable, script or installer
    Other, // desk: the desktop's application; kiosk: not opened
};

/// Looks at the content first (ELF, PE "MZ", Mach-O, "#!" scripts, PDF and image signatures),
/// then the name (.exe, .sh, .desktop, .jar… are programs whatever they contain) and on Unix
/// the execute bits. A program dressed as "report.pdf" is a program.
FileKind classifyFile(const QString &path);
/// The same for a file's name and content held in memory (an attachment opened from the store's
/// sealed copy).
FileKind classifyContent(const QString &fileName, const QByteArray &content);
/// The file name's ending marks a program or script (case-insensitive).
bool hasProgramSuffix(const QString &fileName);

} // namespace outpost::ui
