#pragma once

#include "finding.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace nianbao {

/// One rule of the checker: what it checks, why a reviewer cares, an example. Both languages are
/// data, as the findings' messages are; the README's rule table and the window's Help show it.
struct RuleInfo
{
    QString id; // part of the JSON contract
    Finding::Severity severity = Finding::Severity::Warning;
    /// A short name a reader outside the review understands (Help, the letter, the workbooks).
    QString name; // Chinese: 申请收支平衡
    QString nameEn;
    QString checks; // Chinese
    QString checksEn;
    QString why;
    QString whyEn;
    QString example;
    QString exampleEn;
    QStringList templates;    // the templates it applies to; empty: every one
    bool crossReport = false; // needs the same body's report of the year before in the batch

    bool appliesTo(const QString &templateName) const
    {
        return templates.isEmpty() || templates.contains(templateName);
    }
};

class RuleCatalogue
{
public:
    /// Every rule, in the order the README lists them.
    static const QList<RuleInfo> &rules();
    static const RuleInfo *find(QStringView id);
    /// What the rule checks, in the language in use, with when it applies (last year's report in
    /// the batch, one template only).
    static QString checksText(const RuleInfo &rule);
    /// The README's rule table (English, Markdown): a header and a row per rule, in order. The
    /// README holds it verbatim (tst_checks), so the two cannot drift apart.
    static QString markdownTable();
    /// The rule's short name in the language in use (nianbao::Language), or in Chinese with
    /// alwaysChinese; the id itself for a rule not in the catalogue.
    static QString name(QStringView id, bool alwaysChinese = false);
};

} // namespace nianbao
