// SPDX-License-Identifier: MIT
// The demo data set's case types: inspection, repair, installation (version 1 each), with German
// and French texts (the protocol's localisation extension, docs/protocol.md).
#include "demoseed.h"

#include <QJsonDocument>

namespace outpost::server {

namespace {
const char kInspection[] = R"json({"name":"inspection","version":1,"title":"Site inspection",
 "titles":{"de":"Anlagenprüfung","fr":"Inspection de site"},
 "statuses":["New","InProgress","Resolved-Completed","Resolved-Withdrawn"],
 "statusLabels":{
  "New":{"labels":{"de":"Neu","fr":"Nouveau"}},
  "InProgress":{"label":"In progress","labels":{"de":"In Arbeit","fr":"En cours"}},
  "Resolved-Completed":{"label":"Completed","labels":{"de":"Abgeschlossen","fr":"Terminé"}},
  "Resolved-Withdrawn":{"label":"Withdrawn","labels":{"de":"Zurückgezogen","fr":"Retiré"}}},
 "fields":[
  {"name":"site","label":"Site","labels":{"de":"Standort","fr":"Site"},"type":"lookup","dataPage":"sites","required":true},
  {"name":"readingKw","label":"Meter reading (kW)","labels":{"de":"Zählerstand (kW)","fr":"Relevé du compteur (kW)"},
   "type":"number","min":0,"max":100000},
  {"name":"visitDate","label":"Visit date","labels":{"de":"Besuchsdatum","fr":"Date de visite"},"type":"date","required":true},
  {"name":"priority","label":"Priority","labels":{"de":"Priorität","fr":"Priorité"},"type":"choice",
   "choices":["low","normal","high"],
   "choiceLabels":{"low":{"label":"Low","labels":{"de":"Niedrig","fr":"Basse"}},
                   "normal":{"label":"Normal","labels":{"de":"Normal","fr":"Normale"}},
                   "high":{"label":"High","labels":{"de":"Hoch","fr":"Haute"}}}},
  {"name":"passed","label":"Passed","labels":{"de":"Bestanden","fr":"Réussie"},"type":"bool"},
  {"name":"permitNo","label":"Permit number","labels":{"de":"Genehmigungsnummer","fr":"Numéro de permis"},
   "type":"text","pattern":"[A-Z]{2}-[0-9]{4}","maxLength":7},
  {"name":"summary","label":"Summary","labels":{"de":"Zusammenfassung","fr":"Résumé"},"type":"text","maxLength":2000}],
 "flowActions":[
  {"name":"start","label":"Start work","labels":{"de":"Arbeit beginnen","fr":"Commencer"},"from":["New"],"to":"InProgress"},
  {"name":"complete","label":"Complete","labels":{"de":"Abschließen","fr":"Terminer"},"from":["InProgress"],
   "to":"Resolved-Completed","requires":["readingKw","passed"]},
  {"name":"withdraw","label":"Withdraw","labels":{"de":"Zurückziehen","fr":"Retirer"},"from":["New","InProgress"],
   "to":"Resolved-Withdrawn"}],
 "conflictPolicy":{"default":"merge","fields":{"readingKw":"serverWins","summary":"clientWins"}}})json";

const char kRepair[] = R"json({"name":"repair","version":1,"title":"Repair",
 "titles":{"de":"Reparatur","fr":"Réparation"},
 "statuses":["New","Diagnosed","InRepair","Resolved-Fixed","Resolved-Withdrawn"],
 "statusLabels":{
  "New":{"labels":{"de":"Neu","fr":"Nouveau"}},
  "Diagnosed":{"labels":{"de":"Diagnostiziert","fr":"Diagnostiqué"}},
  "InRepair":{"label":"In repair","labels":{"de":"In Reparatur","fr":"En réparation"}},
  "Resolved-Fixed":{"label":"Fixed","labels":{"de":"Behoben","fr":"Réparé"}},
  "Resolved-Withdrawn":{"label":"Withdrawn","labels":{"de":"Zurückgezogen","fr":"Retiré"}}},
 "fields":[
  {"name":"site","label":"Site","labels":{"de":"Standort","fr":"Site"},"type":"lookup","dataPage":"sites","required":true},
  {"name":"reportedAt","label":"Reported at","labels":{"de":"Gemeldet am","fr":"Signalé le"},"type":"datetime","required":true},
  {"name":"fault","label":"Fault","labels":{"de":"Fehler","fr":"Panne"},"type":"choice",
   "choices":["electrical","mechanical","hydraulic","other"],
   "choiceLabels":{"electrical":{"label":"Electrical","labels":{"de":"Elektrisch","fr":"Électrique"}},
                   "mechanical":{"label":"Mechanical","labels":{"de":"Mechanisch","fr":"Mécanique"}},
                   "hydraulic":{"label":"Hydraulic","labels":{"de":"Hydraulisch","fr":"Hydraulique"}},
                   "other":{"label":"Other","labels":{"de":"Sonstiges","fr":"Autre"}}}},
  {"name":"part","label":"Part","labels":{"de":"Ersatzteil","fr":"Pièce"},"type":"lookup","dataPage":"parts"},
  {"name":"quantity","label":"Quantity","labels":{"de":"Menge","fr":"Quantité"},"type":"number","min":1,"max":100},
  {"name":"urgent","label":"Urgent","labels":{"de":"Dringend","fr":"Urgent"},"type":"bool"},
  {"name":"notes","label":"Notes","labels":{"de":"Notizen","fr":"Notes"},"type":"text","maxLength":4000},
  {"name":"customerSignature","label":"Customer signature","labels":{"de":"Unterschrift des Kunden","fr":"Signature du client"},
   "type":"signature","help":"The customer signs on the screen when the repair is done.",
   "helps":{"de":"Der Kunde unterschreibt auf dem Bildschirm, wenn die Reparatur erledigt ist.","fr":"Le client signe à l'écran une fois la réparation terminée."}}],
 "flowActions":[
  {"name":"diagnose","label":"Diagnose","labels":{"de":"Diagnose stellen","fr":"Diagnostiquer"},"from":["New"],
   "to":"Diagnosed","requires":["fault"]},
  {"name":"startRepair","label":"Start repair","labels":{"de":"Reparatur beginnen","fr":"Commencer la réparation"},
   "from":["Diagnosed"],"to":"InRepair","requires":["part","quantity"]},
  {"name":"finish","label":"Finish","labels":{"de":"Abschließen","fr":"Terminer"},"from":["InRepair"],"to":"Resolved-Fixed",
   "requires":["customerSignature"]},
  {"name":"withdraw","label":"Withdraw","labels":{"de":"Zurückziehen","fr":"Retirer"},"from":["New","Diagnosed","InRepair"],
   "to":"Resolved-Withdrawn"}],
 "conflictPolicy":{"default":"serverWins","fields":{"notes":"merge","part":"clientWins"}}})json";

const char kInstallation[] = R"json({"name":"installation","version":1,"title":"Installation",
 "titles":{"de":"Installation","fr":"Installation"},
 "statuses":["Planned","Installing","Resolved-Commissioned","Resolved-Withdrawn"],
 "statusLabels":{
  "Planned":{"labels":{"de":"Geplant","fr":"Planifiée"}},
  "Installing":{"labels":{"de":"In Installation","fr":"En installation"}},
  "Resolved-Commissioned":{"label":"Commissioned","labels":{"de":"In Betrieb genommen","fr":"Mise en service"}},
  "Resolved-Withdrawn":{"label":"Withdrawn","labels":{"de":"Zurückgezogen","fr":"Retirée"}}},
 "fields":[
  {"name":"site","label":"Site","labels":{"de":"Standort","fr":"Site"},"type":"lookup","dataPage":"sites","required":true},
  {"name":"kind","label":"Kind","labels":{"de":"Art","fr":"Type"},"type":"choice","choices":["solar","battery","heatpump"],
   "choiceLabels":{"solar":{"label":"Solar","labels":{"de":"Solar","fr":"Solaire"}},
                   "battery":{"label":"Battery","labels":{"de":"Batteriespeicher","fr":"Batterie"}},
                   "heatpump":{"label":"Heat pump","labels":{"de":"Wärmepumpe","fr":"Pompe à chaleur"}}},
   "required":true},
  {"name":"scheduledFor","label":"Scheduled for","labels":{"de":"Geplant für","fr":"Prévue le"},"type":"datetime"},
  {"name":"serialNo","label":"Serial number","labels":{"de":"Seriennummer","fr":"Numéro de série"},"type":"text",
   "pattern":"SN-[0-9]{6}","maxLength":9},
  {"name":"capacityKw","label":"Capacity (kW)","labels":{"de":"Leistung (kW)","fr":"Puissance (kW)"},"type":"number",
   "min":0,"max":5000},
  {"name":"handoverDate","label":"Handover date","labels":{"de":"Übergabedatum","fr":"Date de remise"},"type":"date"},
  {"name":"commissioned","label":"Commissioned","labels":{"de":"In Betrieb genommen","fr":"Mise en service"},"type":"bool"}],
 "flowActions":[
  {"name":"begin","label":"Begin installation","labels":{"de":"Installation beginnen","fr":"Commencer l'installation"},
   "from":["Planned"],"to":"Installing"},
  {"name":"commission","label":"Commission","labels":{"de":"In Betrieb nehmen","fr":"Mettre en service"},
   "from":["Installing"],"to":"Resolved-Commissioned","requires":["serialNo","capacityKw","commissioned"]},
  {"name":"withdraw","label":"Withdraw","labels":{"de":"Zurückziehen","fr":"Retirer"},"from":["Planned","Installing"],
   "to":"Resolved-Withdrawn"}],
 "conflictPolicy":{"default":"clientWins","fields":{"capacityKw":"merge","serialNo":"serverWins"}}})json";
} // namespace

QList<CaseType> demoCaseTypes()
{
    QList<CaseType> out;
    for (const char *json : { kInspection, kRepair, kInstallation }) {
        auto type = CaseType::fromJson(QJsonDocument::fromJson(json).object());
        if (!type)
            qFatal("demo case type: %s", qPrintable(type.error().toString()));
        out.append(type.value());
    }
    return out;
}

} // namespace outpost::server
