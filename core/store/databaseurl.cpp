#include "databaseurl.h"

#include <QHash>
#include <QUrl>
#include <QUrlQuery>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

QHash<QString, QString> &sessionPasswords()
{
    static QHash<QString, QString> passwords;
    return passwords;
}

bool startsWith(const char *s, const char *prefix)
{
    return std::strncmp(s, prefix, std::strlen(prefix)) == 0;
}

/// Replaces the password characters of a postgresql:// address, in place; returns them.
QByteArray hideIn(char *value)
{
    QByteArray found;
    const char *scheme = startsWith(value, "postgresql://") ? "postgresql://"
                         : startsWith(value, "postgres://") ? "postgres://"
                                                            : nullptr;
    if (!scheme)
        return found;
    char *authority = value + std::strlen(scheme);
    char *authorityEnd = authority + std::strcspn(authority, "/?#");
    // user:password@host — the last '@' of the authority ends the user information
    char *at = nullptr;
    for (char *p = authority; p < authorityEnd; ++p)
        if (*p == '@')
            at = p;
    if (at) {
        char *colon = static_cast<char *>(std::memchr(authority, ':', size_t(at - authority)));
        if (colon && colon + 1 < at) {
            found = QByteArray(colon + 1, qsizetype(at - colon - 1));
            std::memset(colon + 1, '*', size_t(at - colon - 1));
        }
    }
    // ?password=... among the options
    if (char *query = std::strchr(authorityEnd, '?')) {
        for (char *p = query; *p && *p != '#';) {
            char *item = p + 1;
            char *itemEnd = item + std::strcspn(item, "&#");
            if (startsWith(item, "password=")) {
                char *v = item + std::strlen("password=");
                if (v < itemEnd) {
                    if (found.isEmpty())
                        found = QByteArray(v, qsizetype(itemEnd - v));
                    std::memset(v, '*', size_t(itemEnd - v));
                }
            }
            p = itemEnd;
        }
    }
    return found;
}

} // namespace

bool DatabaseUrl::isPostgres(const QString &urlOrPath)
{
    const QString s = urlOrPath.trimmed();
    return s.startsWith("postgresql://"_L1) || s.startsWith("postgres://"_L1);
}

QString DatabaseUrl::password(const QString &urlOrPath)
{
    if (!isPostgres(urlOrPath))
        return {};
    const QUrl url(urlOrPath.trimmed());
    const QString inUserInfo = url.password(QUrl::FullyDecoded);
    if (!inUserInfo.isEmpty())
        return inUserInfo;
    return QUrlQuery(url).queryItemValue(u"password"_s, QUrl::FullyDecoded);
}

QString DatabaseUrl::withoutPassword(const QString &urlOrPath)
{
    if (!isPostgres(urlOrPath))
        return urlOrPath;
    QUrl url(urlOrPath.trimmed());
    url.setPassword(QString());
    QUrlQuery query(url);
    if (query.hasQueryItem(u"password"_s)) {
        query.removeAllQueryItems(u"password"_s);
        url.setQuery(query);
        if (query.isEmpty())
            url.setQuery(QString());
    }
    return url.toString();
}

QString DatabaseUrl::withPassword(const QString &urlOrPath, const QString &password)
{
    if (!isPostgres(urlOrPath))
        return urlOrPath;
    QUrl url(withoutPassword(urlOrPath));
    url.setPassword(password);
    return url.toString();
}

QString DatabaseUrl::location(const QString &urlText)
{
    const QUrl url(urlText.trimmed());
    QString database = url.path();
    if (database.startsWith(u'/'))
        database.remove(0, 1);
    return u"postgresql://%1@%2:%3/%4"_s
        .arg(url.userName(), url.host().isEmpty() ? u"localhost"_s : url.host())
        .arg(url.port(5432))
        .arg(database);
}

QString DatabaseUrl::hidePasswordInArguments(int argc, char **argv, const char *option)
{
    QByteArray found;
    const std::size_t optionLength = std::strlen(option);
    for (int i = 1; i < argc; ++i) {
        char *value = nullptr;
        if (std::strcmp(argv[i], option) == 0 && i + 1 < argc)
            value = argv[++i];
        else if (std::strncmp(argv[i], option, optionLength) == 0 && argv[i][optionLength] == '=')
            value = argv[i] + optionLength + 1;
        if (!value)
            continue;
        const QByteArray hidden = hideIn(value);
        if (found.isEmpty())
            found = hidden;
    }
    return QUrl::fromPercentEncoding(found);
}

QString DatabaseUrl::commandLineWarning()
{
    return tr("A password given on the command line can be seen by other users of this computer "
              "while the program starts; it has been hidden and is not saved. Leave it out and use "
              "~/.pgpass, or type it when asked.");
}

void DatabaseUrl::rememberPassword(const QString &urlOrPath, const QString &password)
{
    sessionPasswords().insert(withoutPassword(urlOrPath), password);
}

QString DatabaseUrl::rememberedPassword(const QString &urlOrPath)
{
    return sessionPasswords().value(withoutPassword(urlOrPath));
}

void DatabaseUrl::forgetPasswords()
{
    sessionPasswords().clear();
}

} // namespace nianbao
