#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

namespace nianbao {

/// Atomic file writing: the new content appears under its name all at once or not at all, and an
/// old file of that name stays as it was when anything fails.
class SafeWrite
{
    Q_DECLARE_TR_FUNCTIONS(SafeWrite)
public:
    /// Write data to path through QSaveFile.
    static bool writeFile(const QString &path, const QByteArray &data, QString *error);
    /// Create an empty temporary file beside path (same folder, so a rename is atomic) and return
    /// its name; for writers that open their file themselves (libxlsxwriter).
    static QString reserveTemp(const QString &path, QString *error);
    /// Move tmp over path in one step; tmp is removed when that fails.
    static bool commit(const QString &tmp, const QString &path, QString *error);
    /// For writers that open their file themselves: write fills a temporary file beside path
    /// (reserveTemp) and returns false with its reason when it fails; the file then replaces path
    /// (commit), or is removed and the error is one line naming path.
    static bool writeThrough(const QString &path, QString *error,
                             const std::function<bool(const QString &tmp, QString *why)> &write);
    /// "Cannot write <file>: <reason>." — one line.
    static QString cannotWrite(const QString &path, const QString &reason);
};

} // namespace nianbao
