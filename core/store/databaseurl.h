#pragma once

#include <QCoreApplication>
#include <QString>

namespace nianbao {

/// The address of a review database and its password, kept apart: what is written to settings
/// or shown never holds a password; a password given on the command line is hidden from other
/// users' `ps` as soon as the program starts; a password typed in the window stays in memory.
///
/// A postgresql:// address without a password lets libpq find one itself: PGPASSWORD, the file
/// named by PGPASSFILE, or ~/.pgpass (mode 0600).
class DatabaseUrl
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::DatabaseUrl)
public:
    static bool isPostgres(const QString &urlOrPath);
    /// The password in a postgresql:// address (user:password@ or ?password=), empty when none.
    static QString password(const QString &urlOrPath);
    /// The address without its password; anything that is not a postgresql:// address is returned
    /// as it is.
    static QString withoutPassword(const QString &urlOrPath);
    /// The address with this password as user:password@ (replacing any other).
    static QString withPassword(const QString &urlOrPath, const QString &password);
    /// How a postgresql:// address is shown and known: postgresql://user@host:port/database.
    static QString location(const QString &url);

    /// Overwrites, in the process's own argument memory, the password of every database address
    /// given with `option` (`--database URL` or `--database=URL`), so that it is no longer visible
    /// in /proc/PID/cmdline or `ps`. Returns the password that was there (empty when none); the
    /// argument keeps its length with the password's characters replaced by '*'.
    static QString hidePasswordInArguments(int argc, char **argv, const char *option = "--database");
    /// The one line said when a password was given on the command line.
    static QString commandLineWarning();

    /// Passwords typed in this session, by address (without password): asked once, never written.
    static void rememberPassword(const QString &urlOrPath, const QString &password);
    static QString rememberedPassword(const QString &urlOrPath);
    static void forgetPasswords();
};

} // namespace nianbao
