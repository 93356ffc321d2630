#include "dismissdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

QStringList DismissDialog::commonReasons()
{
    return {tr("The prose covers the office only"), tr("The in-force count was cleaned up"),
            tr("Checked with the reporting body"), tr("The source document is right: a reading error")};
}

DismissDialog::DismissDialog(int count, QWidget *parent) : QDialog(parent)
{
    setObjectName(u"dismissDialog"_s);
    setWindowTitle(tr("Dismiss Finding"));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("Why is the finding explained? (%n finding(s))", nullptr, count), this);
    label->setWordWrap(true);
    layout->addWidget(label);
    m_reason = new QComboBox(this);
    m_reason->setObjectName(u"dismissReason"_s);
    m_reason->setEditable(true);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    m_reason->addItems(commonReasons());
    m_reason->setCurrentIndex(-1);
    m_reason->setEditText(QString());
    m_reason->lineEdit()->setPlaceholderText(tr("Type a reason or choose one"));
    m_reason->setMinimumWidth(fontMetrics().horizontalAdvance(u'M') * 28);
    label->setBuddy(m_reason);
    layout->addWidget(m_reason);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Dismiss"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QComboBox::editTextChanged, this, [this](const QString &text) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
}

QString DismissDialog::reason() const
{
    return m_reason->currentText().trimmed();
}

} // namespace nianbao::ui
