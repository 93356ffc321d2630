#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

namespace {
// what one launch may send: its file names, far below this
constexpr qint64 MaxMessage = 4 * 1024 * 1024;
} // namespace

QString SingleInstance::socketPathFor(const QString &settingsFile)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (folder.isEmpty())
        folder = QDir::tempPath();
    const QByteArray id = QCryptographicHash::hash(QFileInfo(settingsFile).absoluteFilePath().toUtf8(),
                                                   QCryptographicHash::Sha1)
                              .toHex()
                              .left(12);
    return QDir(folder).filePath(u"nianbao-%1.socket"_s.arg(QString::fromLatin1(id)));
}

SingleInstance::SingleInstance(const QString &socketPath, QObject *parent)
    : QObject(parent), m_socketPath(socketPath)
{}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close(); // removes the socket file
}

bool SingleInstance::sendToRunning(const QStringList &files, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_socketPath);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QJsonArray paths;
    for (const QString &f : files)
        paths.append(QFileInfo(f).absoluteFilePath());
    socket.write(QJsonDocument(paths).toJson(QJsonDocument::Compact));
    socket.write("\n");
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // the window answers once it has the files: a window that is shutting down does not
    return socket.waitForReadyRead(timeoutMs) && socket.readAll().startsWith("ok");
}

bool SingleInstance::listen(QString *error)
{
    if (m_server)
        return true;
    {
        // a window that answers is open already; a socket file nobody answers on is what a
        // crashed window leaves behind, and is taken over (listen() would replace it silently)
        QLocalSocket probe;
        probe.connectToServer(m_socketPath);
        if (probe.waitForConnected(500)) {
            probe.abort();
            if (error)
                *error = tr("Another window is already listening on %1.").arg(m_socketPath);
            return false;
        }
    }
    QLocalServer::removeServer(m_socketPath);
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(m_socketPath)) {
        if (error)
            *error = tr("The window's socket %1 cannot be made: %2").arg(m_socketPath, server->errorString());
        delete server;
        return false;
    }
    m_server = server;
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->bytesAvailable() > MaxMessage) {
                    socket->abort();
                    return;
                }
                if (!socket->canReadLine())
                    return;
                const QJsonDocument doc = QJsonDocument::fromJson(socket->readLine());
                QStringList files;
                for (const QJsonValue &v : doc.array()) {
                    if (v.isString())
                        files.append(v.toString());
                }
                socket->write("ok\n");
                socket->flush();
                Q_EMIT filesReceived(files);
            });
        }
    });
    return true;
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

} // namespace nianbao::ui
