// SPDX-License-Identifier: MIT
#include "filekind.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QSet>

namespace outpost::ui {

namespace {
bool isProgramContent(const QByteArray &head)
{
    static const QList<QByteArray> magics = {
        QByteArray("\x7f"
                   "ELF",
            4), // Linux, BSD
        QByteArray("MZ", 2), // Windows PE, DOS
        QByteArray("#!", 2), // scripts
        QByteArray("\xfe\xed\xfa\xce", 4), QByteArray("\xfe\xed\xfa\xcf", 4), // Mach-O
        QByteArray("\xce\xfa\xed\xfe", 4), QByteArray("\xcf\xfa\xed\xfe", 4),
        QByteArray("\xca\xfe\xba\xbe", 4), // Mach-O universal, Java class
        QByteArray("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8), // OLE: .msi (and old Office files)
    };
    for (const QByteArray &m : magics)
        if (head.startsWith(m))
            return true;
    return false;
}
} // namespace

bool hasProgramSuffix(const QString &fileName)
{
    static const QSet<QString> suffixes
        = { QStringLiteral("exe"), QStringLiteral("com"), QStringLiteral("bat"), QStringLiteral("cmd"),
              QStringLiteral("msi"), QStringLiteral("msp"), QStringLiteral("scr"), QStringLiteral("pif"),
              QStringLiteral("cpl"), QStringLiteral("dll"), QStringLiteral("ps1"), QStringLiteral("psm1"),
              QStringLiteral("vbs"), QStringLiteral("vbe"), QStringLiteral("js"), QStringLiteral("jse"),
              QStringLiteral("wsf"), QStringLiteral("wsh"), QStringLiteral("hta"), QStringLiteral("lnk"),
              QStringLiteral("reg"), QStringLiteral("jar"), QStringLiteral("sh"), QStringLiteral("bash"),
              QStringLiteral("zsh"), QStringLiteral("csh"), QStringLiteral("ksh"), QStringLiteral("run"),
              QStringLiteral("bin"), QStringLiteral("out"), QStringLiteral("so"), QStringLiteral("desktop"),
              QStringLiteral("appimage"), QStringLiteral("deb"), QStringLiteral("rpm"), QStringLiteral("py"),
              QStringLiteral("pl"), QStringLiteral("rb"), QStringLiteral("php"), QStringLiteral("app"),
              QStringLiteral("command"), QStringLiteral("dmg"), QStringLiteral("pkg"), QStringLiteral("apk"),
              QStringLiteral("elf"), QStringLiteral("url"), QStringLiteral("scf"), QStringLiteral("inf"),
              QStringLiteral("msc"), QStringLiteral("gadget"), QStringLiteral("application") };
    const QString lower = fileName.toLower();
    // Every ending counts: "photo.exe.jpg" is fine, "photo.jpg.exe" is not; trailing dots and
    // spaces are dropped as Windows does.
    QString name = lower;
    while (name.endsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char(' ')))
        name.chop(1);
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return dot >= 0 && suffixes.contains(name.mid(dot + 1));
}

FileKind classifyFile(const QString &path)
{
    const QFileInfo info(path);
#ifndef Q_OS_WIN
    if (info.permissions() & (QFile::ExeOwner | QFile::ExeUser | QFile::ExeGroup | QFile::ExeOther))
        return FileKind::Program;
#endif
    QFile f(path);
    QByteArray content;
    if (f.open(QIODevice::ReadOnly))
        content = f.readAll();
    return classifyContent(info.fileName(), content);
}

FileKind classifyContent(const QString &fileName, const QByteArray &content)
{
    const QByteArray head = content.left(16);
    if (isProgramContent(head) || hasProgramSuffix(fileName))
        return FileKind::Program;
    if (head.startsWith("%PDF-"))
        return FileKind::Pdf;
    QBuffer buffer;
    buffer.setData(content);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    if (reader.canRead() && reader.format() != "svg" && reader.format() != "svgz")
        return FileKind::Image;
    return FileKind::Other;
}

} // namespace outpost::ui
