// A second process for the store tests: writes corrections until it is killed, or races another
// writer on one cell. Prints one line per committed write, flushed, so the test knows what was
// saved before it pulled the plug.
//   storehelper edit URL HASH COUNT REVIEWER         write COUNT corrections, print "committed N"
//   storehelper increment URL HASH KEY COUNT REVIEWER add 1 to a cell COUNT times, retrying conflicts
//   storehelper open URL                              open and write one correction; print the error
#include "review/correction.h"
#include "store/reviewstore.h"
#include "template/template.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace nianbao;
using namespace Qt::Literals::StringLiterals;

namespace {

void say(const QString &line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

Correction correction(const QString &key, const Cell &before, double value, const QString &reviewer)
{
    Correction c;
    c.key = key;
    c.extracted = Cell::number(0, u"0"_s);
    c.before = before;
    c.after = Cell::number(value, QString::number(value));
    c.action = u"edit"_s;
    c.reviewer = reviewer;
    c.time = QDateTime::currentDateTimeUtc();
    return c;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        say(u"usage: storehelper edit|increment|open URL ..."_s);
        return 2;
    }
    const QString cmd = args[1];
    ReviewStore store;
    QString error;
    if (!store.open(args[2], &error)) {
        say(u"error "_s + error);
        return 1;
    }
    if (cmd == "open"_L1) {
        const Correction c = correction(u"t3.r1.c1"_s, Cell::blank(), 1, u"helper"_s);
        if (!store.addCorrection(ReviewStore::contentHash("open"), c, &error)) {
            say(u"error "_s + error);
            return 1;
        }
        say(u"ok"_s);
        return 0;
    }
    if (cmd == "edit"_L1 && args.size() >= 6) {
        const QString hash = args[3];
        const int count = args[4].toInt();
        const QStringList keys = Template::t2021()->cellKeys();
        for (int i = 0; i < count; ++i) {
            const QString key = keys[i % keys.size()];
            Correction c = correction(key, Cell::number(0), i, args[5]);
            c.note = u"edit %1"_s.arg(i);
            if (!store.addCorrection(hash, c, &error)) {
                say(u"error "_s + error);
                return 1;
            }
            say(u"committed %1"_s.arg(i));
        }
        return 0;
    }
    if (cmd == "increment"_L1 && args.size() >= 7) {
        const QString hash = args[3];
        const QString key = args[4];
        const int count = args[5].toInt();
        int conflicts = 0;
        for (int i = 0; i < count; ++i) {
            for (;;) {
                const auto seen = store.storedCell(hash, key, &error);
                if (!error.isEmpty()) {
                    say(u"error "_s + error);
                    return 1;
                }
                const Cell before = seen ? seen->cell : Cell::number(0);
                const Correction c = correction(key, before, before.value + 1, args[6]);
                Conflict conflict;
                if (store.addCorrection(hash, c, &error, &conflict))
                    break;
                if (conflict.key.isEmpty()) {
                    say(u"error "_s + error);
                    return 1;
                }
                ++conflicts;
                error.clear();
            }
        }
        say(u"done conflicts %1"_s.arg(conflicts));
        return 0;
    }
    say(u"usage: storehelper edit|increment|open URL ..."_s);
    return 2;
}
