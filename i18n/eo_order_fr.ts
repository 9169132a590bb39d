<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
  <context>
    <name>ConnectionsDialog</name>
    <message>
      <source>Standard CSW 2.0.2</source>
      <translation>CSW 2.0.2 standard</translation>
    </message>
    <message>
      <source>CSW 2.0.2 catalogue</source>
      <translation>Catalogue CSW 2.0.2</translation>
    </message>
    <message>
      <source>WCS 1.0.0 server</source>
      <translation>Serveur WCS 1.0.0</translation>
    </message>
    <message>
      <source>EODMS ordering (WCS 2.0.1)</source>
      <translation>Commandes EODMS (WCS 2.0.1)</translation>
    </message>
    <message>
      <source>Copernicus Data Space</source>
      <translation>Copernicus Data Space</translation>
    </message>
    <message>
      <source>STAC API</source>
      <translation>API STAC</translation>
    </message>
    <message>
      <source>EODMS (lon/lat box, no srsName)</source>
      <translation>EODMS (rectangle lon/lat, sans srsName)</translation>
    </message>
    <message>
      <source>EODMS RCM (SOAP, WS-Security)</source>
      <translation>EODMS RCM (SOAP, WS-Security)</translation>
    </message>
    <message>
      <source>none</source>
      <translation>aucune</translation>
    </message>
    <message>
      <source>{0} (not in this QGIS' authentication database)</source>
      <translation>{0} (absente de la base d'authentification de ce QGIS)</translation>
    </message>
    <message>
      <source>What the server is: a CSW 2.0.2 catalogue or a STAC API (Search tab) or a WCS 1.0.0 server (WCS tab)</source>
      <translation>Ce qu'est le serveur : un catalogue CSW 2.0.2 ou une API STAC (onglet Recherche) ou un serveur WCS 1.0.0 (onglet WCS)</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>named after the URL if left empty</source>
      <translation>nommée d'après l'URL si laissé vide</translation>
    </message>
    <message>
      <source>The name shown in the catalogue and server lists (unique per type)</source>
      <translation>Le nom affiché dans les listes de catalogues et de serveurs (unique par type)</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>The service address, starting with http:// or https://</source>
      <translation>L'adresse du service, commençant par http:// ou https://</translation>
    </message>
    <message>
      <source>URL</source>
      <translation>URL</translation>
    </message>
    <message>
      <source>How to talk to the catalogue: standard CSW 2.0.2 for any catalogue; the EODMS profiles for EODMS' own servers (their box order and SOAP)</source>
      <translation>Comment dialoguer avec le catalogue : CSW 2.0.2 standard pour tout catalogue ; les profils EODMS pour les serveurs d'EODMS (leur ordre des coordonnées et SOAP)</translation>
    </message>
    <message>
      <source>Profile</source>
      <translation>Profil</translation>
    </message>
    <message>
      <source>The record schema to ask the catalogue for. Dublin Core suits most catalogues; ISO 19139 gives GeoNetwork and INSPIRE catalogues' full records. Either is read, whatever the catalogue answers with.</source>
      <translation>Le schéma des fiches à demander au catalogue. Dublin Core convient à la plupart des catalogues; ISO 19139 donne les fiches complètes des catalogues GeoNetwork et INSPIRE. Les deux sont lus, quel que soit le schéma de la réponse.</translation>
    </message>
    <message>
      <source>Dublin Core</source>
      <translation>Dublin Core</translation>
    </message>
    <message>
      <source>ISO 19139</source>
      <translation>ISO 19139</translation>
    </message>
    <message>
      <source>Record schema</source>
      <translation>Schéma des fiches</translation>
    </message>
    <message>
      <source>How many records to ask for in each request. The catalogue may send fewer (its own limit): EO Order follows what it sends.</source>
      <translation>Nombre d'enregistrements à demander à chaque requête. Le catalogue peut en envoyer moins (sa propre limite) : EO Order suit ce qu'il envoie.</translation>
    </message>
    <message>
      <source>Records per request</source>
      <translation>Enregistrements par requête</translation>
    </message>
    <message>
      <source>How many requests a search may send at once (1: one after the other). Lower it for a catalogue that refuses many at once.</source>
      <translation>Nombre de requêtes qu'une recherche peut envoyer à la fois (1 : l'une après l'autre). Réduisez-le pour un catalogue qui en refuse plusieurs à la fois.</translation>
    </message>
    <message>
      <source>Parallel requests</source>
      <translation>Requêtes en parallèle</translation>
    </message>
    <message>
      <source>Optional QGIS authentication configuration (Basic: username and password) for this service; pick one or create one with +. Only its id is kept; the password stays in QGIS' encrypted authentication database.</source>
      <translation>Configuration d'authentification QGIS facultative (Basic : nom d'utilisateur et mot de passe) pour ce service ; choisissez-en une ou créez-la avec +. Seul son identifiant est conservé ; le mot de passe reste dans la base d'authentification chiffrée de QGIS.</translation>
    </message>
    <message>
      <source>Authentication</source>
      <translation>Authentification</translation>
    </message>
    <message>
      <source>Check and save the connection</source>
      <translation>Vérifier et enregistrer la connexion</translation>
    </message>
    <message>
      <source>Close without saving</source>
      <translation>Fermer sans enregistrer</translation>
    </message>
    <message>
      <source>Import connections from QGIS</source>
      <translation>Importer des connexions de QGIS</translation>
    </message>
    <message>
      <source>Tick the connections to import</source>
      <translation>Cochez les connexions à importer</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Importer</translation>
    </message>
    <message>
      <source>Import the ticked connections</source>
      <translation>Importer les connexions cochées</translation>
    </message>
    <message>
      <source>Import nothing</source>
      <translation>Ne rien importer</translation>
    </message>
    <message>
      <source>EO Order – Connections</source>
      <translation>EO Order – Connexions</translation>
    </message>
    <message>
      <source>Built-in services (in italics: they cannot be removed, their authentication can be set) and your catalogues and WCS servers. Double-click to edit.</source>
      <translation>Services intégrés (en italique : ils ne peuvent pas être supprimés, leur authentification peut être définie) et vos catalogues et serveurs WCS. Double-cliquez pour modifier.</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>Nouvelle…</translation>
    </message>
    <message>
      <source>Add a CSW 2.0.2 catalogue, a STAC API or a WCS 1.0.0 server</source>
      <translation>Ajouter un catalogue CSW 2.0.2, une API STAC ou un serveur WCS 1.0.0</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Modifier…</translation>
    </message>
    <message>
      <source>Change the selected connection (for a built-in one: its authentication)</source>
      <translation>Modifier la connexion sélectionnée (pour un service intégré : son authentification)</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Supprimer</translation>
    </message>
    <message>
      <source>Remove the selected connections (built-in ones stay)</source>
      <translation>Supprimer les connexions sélectionnées (les services intégrés restent)</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>Importer…</translation>
    </message>
    <message>
      <source>Load connections from an XML file: EO Order's, MetaSearch's (CSW) or QGIS' WCS connections</source>
      <translation>Charger des connexions depuis un fichier XML : celles d'EO Order, de MetaSearch (CSW) ou les connexions WCS de QGIS</translation>
    </message>
    <message>
      <source>From QGIS…</source>
      <translation>Depuis QGIS…</translation>
    </message>
    <message>
      <source>Import the WCS connections of QGIS' data source manager and MetaSearch's CSW catalogues</source>
      <translation>Importer les connexions WCS du gestionnaire des sources de données de QGIS et les catalogues CSW de MetaSearch</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Exporter…</translation>
    </message>
    <message>
      <source>Save the selected connections (or all) to an XML file, in EO Order's format or QGIS' (MetaSearch, WCS)</source>
      <translation>Enregistrer les connexions sélectionnées (ou toutes) dans un fichier XML, au format d'EO Order ou de QGIS (MetaSearch, WCS)</translation>
    </message>
    <message>
      <source>What the last action did</source>
      <translation>Ce qu'a fait la dernière action</translation>
    </message>
    <message>
      <source>Close the connections manager</source>
      <translation>Fermer le gestionnaire de connexions</translation>
    </message>
    <message>
      <source>Import connections</source>
      <translation>Importer des connexions</translation>
    </message>
    <message>
      <source>Edit connection</source>
      <translation>Modifier la connexion</translation>
    </message>
    <message>
      <source>New connection</source>
      <translation>Nouvelle connexion</translation>
    </message>
    <message>
      <source>Connections of QGIS' WCS source manager and of MetaSearch:</source>
      <translation>Connexions du gestionnaire de sources WCS de QGIS et de MetaSearch :</translation>
    </message>
    <message>
      <source>Remove connections</source>
      <translation>Supprimer des connexions</translation>
    </message>
    <message>
      <source>Connections (*.xml *.XML);;All files (*)</source>
      <translation>Connexions (*.xml *.XML);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>QGIS has no WCS connections and MetaSearch no catalogues to import.</source>
      <translation>QGIS n'a aucune connexion WCS et MetaSearch aucun catalogue à importer.</translation>
    </message>
    <message>
      <source>EO Order connections (*.xml)</source>
      <translation>Connexions EO Order (*.xml)</translation>
    </message>
    <message>
      <source>MetaSearch CSW connections (*.xml)</source>
      <translation>Connexions CSW MetaSearch (*.xml)</translation>
    </message>
    <message>
      <source>QGIS WCS connections (*.xml)</source>
      <translation>Connexions WCS QGIS (*.xml)</translation>
    </message>
    <message>
      <source>Export connections</source>
      <translation>Exporter des connexions</translation>
    </message>
    <message>
      <source>Imported: {0} added, {1} updated, {2} already there.</source>
      <translation>Importation : {0} ajoutée(s), {1} mise(s) à jour, {2} déjà présente(s).</translation>
    </message>
    <message>
      <source>Built in: cannot be removed; its authentication can be set.</source>
      <translation>Intégré : ne peut pas être supprimé ; son authentification peut être définie.</translation>
    </message>
    <message>
      <source>Removed {0}.</source>
      <translation>{0} supprimé(s).</translation>
    </message>
    <message>
      <source>These names are already used: {0}. Replace those connections? (No keeps both: the imported ones get a number after their name.)</source>
      <translation>Ces noms sont déjà utilisés : {0}. Remplacer ces connexions ? (Non garde les deux : les connexions importées reçoivent un numéro après leur nom.)</translation>
    </message>
    <message>
      <source>Exported {0} connection(s) to {1}.</source>
      <translation>{0} connexion(s) exportée(s) vers {1}.</translation>
    </message>
    <message>
      <source>Renamed because the name was taken: {0}.</source>
      <translation>Renommées parce que le nom était pris : {0}.</translation>
    </message>
    <message>
      <source>Not imported: {0}.</source>
      <translation>Non importées : {0}.</translation>
    </message>
    <message>
      <source>The username/password in the file for {0} were not imported (EO Order keeps credentials only in QGIS' authentication database): edit those connections and pick or create an authentication configuration.</source>
      <translation>Le nom d'utilisateur et le mot de passe du fichier pour {0} n'ont pas été importés (EO Order ne garde les identifiants que dans la base d'authentification de QGIS) : modifiez ces connexions et choisissez ou créez une configuration d'authentification.</translation>
    </message>
    <message>
      <source>These authentication configurations are not in this QGIS: {0}. Import them (Settings › Options › Authentication) or edit the connections.</source>
      <translation>Ces configurations d'authentification sont absentes de ce QGIS : {0}. Importez-les (Préférences › Options › Authentification) ou modifiez les connexions.</translation>
    </message>
    <message>
      <source>The username/password saved in QGIS for {0} are not taken: pick or create an authentication configuration for them after the import.</source>
      <translation>Le nom d'utilisateur et le mot de passe enregistrés dans QGIS pour {0} ne sont pas repris : choisissez ou créez une configuration d'authentification après l'importation.</translation>
    </message>
    <message>
      <source>Added “{0}”.</source>
      <translation>« {0} » ajoutée.</translation>
    </message>
    <message>
      <source>Saved “{0}”.</source>
      <translation>« {0} » enregistrée.</translation>
    </message>
    <message>
      <source>Remove {0}?</source>
      <translation>Supprimer {0} ?</translation>
    </message>
    <message>
      <source>The file {0}</source>
      <translation>Le fichier {0}</translation>
    </message>
    <message>
      <source>Profile: {0}</source>
      <translation>Profil : {0}</translation>
    </message>
    <message>
      <source>Could not read {0}: {1}</source>
      <translation>Impossible de lire {0} : {1}</translation>
    </message>
    <message>
      <source>Could not write {0}: {1}</source>
      <translation>Impossible d'écrire {0} : {1}</translation>
    </message>
  </context>
  <context>
    <name>DownloadCdseAlgorithm</name>
    <message>
      <source>Download from Copernicus Data Space</source>
      <translation>Télécharger depuis Copernicus Data Space</translation>
    </message>
    <message>
      <source>Verified, resumable downloads of the products of a query log or footprint layer.</source>
      <translation>Téléchargements vérifiés et reprenables des produits d'un journal de requête ou d'une couche d'empreintes.</translation>
    </message>
    <message>
      <source>Downloads Copernicus Data Space products into the output folder, on at most 4 connections (CDSE's limit per user). Required: the query log or the footprint layer (at least one), and the credentials or a token file (at least one). The products come from a query log written by 'Search Copernicus Data Space', or from its footprint layer (fields product_id, name, checksum_md5, size_bytes, online; tick 'Selected features only' to download just the selection). When both are given, the products come from the layer and the log is updated too.

Each file is written as &lt;name&gt;.part, checked against the catalogue's MD5 (or else the size the server announces) and only then renamed; interrupted downloads resume on the next run, and files already verified are skipped. Right after each product is on disk it is marked Downloaded in the query log and, for a file layer (GeoPackage, Shapefile...), in its 'downloaded' field. Offline (long-term archive) and failed products do not stop the batch: the output table gives each product's status and message.

Credentials: a Basic authentication configuration with your Copernicus Data Space username/password, and/or a token file (CopernicusDataspace_token.json, the login reply the Copernicus scripts save). A token file is reused while its session is valid and rewritten with every new login or refresh; give a new path to have one created (with an auth config). A rejected username/password stops the batch.</source>
      <translation>Télécharge des produits Copernicus Data Space dans le dossier de sortie, sur au plus 4 connexions (la limite de CDSE par utilisateur). Requis : le journal de requête ou la couche d'empreintes (au moins l'un des deux), et les identifiants ou un fichier de jeton (au moins l'un des deux). Les produits proviennent d'un journal de requête écrit par « Rechercher dans Copernicus Data Space » ou de sa couche d'empreintes (champs product_id, name, checksum_md5, size_bytes, online; cochez « Entités sélectionnées uniquement » pour ne télécharger que la sélection). Si les deux sont fournis, les produits proviennent de la couche et le journal est aussi mis à jour.

Chaque fichier est écrit sous le nom &lt;name&gt;.part, vérifié par rapport au MD5 du catalogue (ou, à défaut, à la taille annoncée par le serveur), puis seulement renommé; les téléchargements interrompus reprennent à l'exécution suivante et les fichiers déjà vérifiés sont ignorés. Dès qu'un produit est sur le disque, il est marqué comme téléchargé (Downloaded) dans le journal de requête et, pour une couche fichier (GeoPackage, Shapefile...), dans son champ « downloaded ». Les produits hors ligne (archive à long terme) et ceux en échec n'arrêtent pas le lot : la table de sortie donne l'état et le message de chaque produit.

Identifiants : une configuration d'authentification Basic avec votre nom d'utilisateur et votre mot de passe Copernicus Data Space, ou un fichier de jeton (CopernicusDataspace_token.json, la réponse de connexion qu'enregistrent les scripts Copernicus), ou les deux. Un fichier de jeton est réutilisé tant que sa session est valide et réécrit à chaque nouvelle connexion ou actualisation; indiquez un nouveau chemin pour en faire créer un (avec une configuration d'authentification). Un nom d'utilisateur ou un mot de passe refusé arrête le lot.</translation>
    </message>
    <message>
      <source>Give a query log or a footprint layer of a Copernicus search (INPUT_LOG or INPUT: one of the two is required): there is nothing to download.</source>
      <translation>Indiquez un journal de requête ou une couche d'empreintes d'une recherche Copernicus (INPUT_LOG ou INPUT : l'un des deux est requis) : il n'y a rien à télécharger.</translation>
    </message>
    <message>
      <source>Copernicus Data Space downloads need your account: choose an authentication configuration (AUTHCFG, Basic) with your username and password, or a token file (TOKEN_FILE); one of the two is required.</source>
      <translation>Les téléchargements Copernicus Data Space nécessitent votre compte : choisissez une configuration d'authentification (AUTHCFG, Basic) avec votre nom d'utilisateur et votre mot de passe, ou un fichier de jeton (TOKEN_FILE); l'un des deux est requis.</translation>
    </message>
    <message>
      <source>{0:.0f} % — {1}: {2}{3}; {4}</source>
      <translation>{0:.0f} % — {1} : {2}{3}; {4}</translation>
    </message>
    <message>
      <source>Query log (this or the footprint layer is required)</source>
      <translation>Journal de requête (lui ou la couche d'empreintes est requis)</translation>
    </message>
    <message>
      <source>Product footprints (this or the query log is required)</source>
      <translation>Empreintes des produits (elles ou le journal de requête sont requis)</translation>
    </message>
    <message>
      <source>Download folder</source>
      <translation>Dossier de téléchargement</translation>
    </message>
    <message>
      <source>Copernicus Data Space credentials (Basic auth config; this or a token file is required)</source>
      <translation>Identifiants Copernicus Data Space (configuration d'authentification Basic; elle ou un fichier de jeton est requis)</translation>
    </message>
    <message>
      <source>Token file (CopernicusDataspace_token.json; this or the credentials are required)</source>
      <translation>Fichier de jeton (CopernicusDataspace_token.json; lui ou les identifiants sont requis)</translation>
    </message>
    <message>
      <source>Token (login) URL</source>
      <translation>URL du jeton (connexion)</translation>
    </message>
    <message>
      <source>OData download URL</source>
      <translation>URL de téléchargement OData</translation>
    </message>
    <message>
      <source>Parallel downloads</source>
      <translation>Téléchargements en parallèle</translation>
    </message>
    <message>
      <source>Downloads</source>
      <translation>Téléchargements</translation>
    </message>
    <message>
      <source>The products</source>
      <translation>les produits</translation>
    </message>
    <message>
      <source>The query log</source>
      <translation>le journal de requête</translation>
    </message>
    <message>
      <source>Query logs (*.log)</source>
      <translation>Journaux de requête (*.log)</translation>
    </message>
    <message>
      <source>{0} product(s) to download into {1}</source>
      <translation>{0} produit(s) à télécharger dans {1}</translation>
    </message>
    <message>
      <source>A downloaded product could not be recorded ({0}): is the disk full? The products downloaded so far are on disk and verified, and the query log holds its previous version. Free some space, then run again: verified files are skipped.</source>
      <translation>Un produit téléchargé n'a pas pu être inscrit ({0}) : le disque est-il plein? Les produits téléchargés jusqu'ici sont sur le disque et vérifiés, et le journal de requête garde sa version précédente. Libérez de l'espace, puis relancez : les fichiers vérifiés sont sautés.</translation>
    </message>
  </context>
  <context>
    <name>DownloadController</name>
    <message>
      <source>Download cancelled; partial files are kept and the next download resumes them.</source>
      <translation>Téléchargement annulé; les fichiers partiels sont conservés et le prochain téléchargement les reprendra.</translation>
    </message>
    <message>
      <source>; nothing downloaded.</source>
      <translation>; rien n'a été téléchargé.</translation>
    </message>
    <message>
      <source>{0} verified</source>
      <translation>{0} vérifié(s)</translation>
    </message>
    <message>
      <source>{0} complete, no checksum to verify</source>
      <translation>{0} complet(s), sans somme de contrôle à vérifier</translation>
    </message>
    <message>
      <source>{0} already there</source>
      <translation>{0} déjà présent(s)</translation>
    </message>
    <message>
      <source>Show folder</source>
      <translation>Afficher le dossier</translation>
    </message>
    <message>
      <source>{0} of {1} products on disk in {2}</source>
      <translation>{0} produit(s) sur {1} sur le disque dans {2}</translation>
    </message>
    <message>
      <source>A download is already running: wait for it or cancel it first.</source>
      <translation>Un téléchargement est déjà en cours : attendez qu'il se termine ou annulez-le d'abord.</translation>
    </message>
    <message>
      <source>Select downloaded products to open them.</source>
      <translation>Sélectionnez des produits téléchargés pour les ouvrir.</translation>
    </message>
    <message>
      <source>Download {0} selected products</source>
      <translation>Télécharger les {0} produits sélectionnés</translation>
    </message>
    <message>
      <source>{0} offline (in the long-term archive): order it in the Copernicus Data Space browser first</source>
      <translation>{0} hors ligne (dans l'archive à long terme) : commandez-le(s) d'abord dans le navigateur de Copernicus Data Space</translation>
    </message>
    <message>
      <source>{0} cancelled (partial files are kept and resumed next time)</source>
      <translation>{0} annulé(s) (les fichiers partiels sont conservés et repris la prochaine fois)</translation>
    </message>
    <message>
      <source>{0} not tried: {1}</source>
      <translation>{0} non tenté(s) : {1}</translation>
    </message>
    <message>
      <source>Download failed: {0}</source>
      <translation>Échec du téléchargement : {0}</translation>
    </message>
    <message>
      <source>{0} failed: {1}</source>
      <translation>{0} en échec : {1}</translation>
    </message>
    <message>
      <source>Added {0} layer(s) of {1}.</source>
      <translation>{0} couche(s) de {1} ajoutée(s).</translation>
    </message>
    <message>
      <source>They have no georeferencing QGIS can place on the map.</source>
      <translation>Elles n'ont aucun géoréférencement que QGIS puisse placer sur la carte.</translation>
    </message>
    <message>
      <source>Download this product: {0}</source>
      <translation>Télécharger ce produit : {0}</translation>
    </message>
    <message>
      <source>Download one of {0} products here</source>
      <translation>Télécharger l'un des {0} produits ici</translation>
    </message>
    <message>
      <source>Show quicklook: {0}</source>
      <translation>Afficher l'aperçu : {0}</translation>
    </message>
    <message>
      <source>Show the quicklook of one of {0} products</source>
      <translation>Afficher l'aperçu de l'un des {0} produits</translation>
    </message>
    <message>
      <source>{0} more failed.</source>
      <translation>{0} autre(s) en échec.</translation>
    </message>
    <message>
      <source>Nothing downloaded: the {0} selected product(s) are offline (in the long-term archive). Order them in the Copernicus Data Space browser first, then download them once they are online.</source>
      <translation>Rien n'a été téléchargé : le ou les {0} produit(s) sélectionné(s) sont hors ligne (dans l'archive à long terme). Commandez-les d'abord dans le navigateur de Copernicus Data Space, puis téléchargez-les une fois en ligne.</translation>
    </message>
    <message>
      <source>{0} of the {1} selected products are offline (in the long-term archive) and will not download; downloading the other {2}.</source>
      <translation>{0} des {1} produits sélectionnés sont hors ligne (dans l'archive à long terme) et ne seront pas téléchargés; téléchargement des {2} autres.</translation>
    </message>
    <message>
      <source>Not downloaded yet: {0}. Download them first.</source>
      <translation>Pas encore téléchargés : {0}. Téléchargez-les d'abord.</translation>
    </message>
    <message>
      <source>QGIS cannot display {0} directly; it is shown in your file browser.</source>
      <translation>QGIS ne peut pas afficher {0} directement; le fichier est montré dans votre gestionnaire de fichiers.</translation>
    </message>
    <message>
      <source>(and {0} more products)</source>
      <translation>(et {0} autres produits)</translation>
    </message>
  </context>
  <context>
    <name>DownloadStacAlgorithm</name>
    <message>
      <source>Download STAC assets</source>
      <translation>Télécharger des ressources STAC</translation>
    </message>
    <message>
      <source>Downloads the chosen assets of STAC items into the output folder, one sub-folder per item. The items come from a STAC footprint layer (its self_link field; tick 'Selected features only' to download just the selection) or from a STAC download log written by an earlier run, which resumes it.

Assets: asset keys (B04, visual...) or roles (data, metadata, thumbnail...), separated by commas.

Each file is written as &lt;name&gt;.part, checked against the asset's file:checksum (MD5, SHA-256...) or else its file:size, and only then renamed; interrupted downloads resume on the next run, and files already verified are skipped. The log (stac-download.csv in the output folder) marks each asset Downloaded as soon as it is on disk. s3:// hrefs are downloaded from their alternate https href when the item gives one, else reported. Planetary Computer assets are signed first.

Credentials: a Basic authentication configuration, sent to the STAC API's own server only; for Copernicus Data Space items, your Copernicus Data Space username/password (used to get its token).</source>
      <translation>Télécharge les ressources choisies d'items STAC dans le dossier de sortie, un sous-dossier par item. Les items proviennent d'une couche d'empreintes STAC (son champ self_link; cochez « Entités sélectionnées uniquement » pour ne télécharger que la sélection) ou d'un journal de téléchargement STAC écrit par une exécution précédente, qu'il reprend.

Ressources : clés de ressources (B04, visual...) ou rôles (data, metadata, thumbnail...), séparés par des virgules.

Chaque fichier est écrit sous &lt;nom&gt;.part, vérifié avec le file:checksum de la ressource (MD5, SHA-256...) ou à défaut sa taille file:size, et seulement ensuite renommé; les téléchargements interrompus reprennent à l'exécution suivante et les fichiers déjà vérifiés sont sautés. Le journal (stac-download.csv dans le dossier de sortie) marque chaque ressource Downloaded dès qu'elle est sur le disque. Les liens s3:// sont téléchargés depuis leur lien https de remplacement quand l'item en donne un, sinon ils sont signalés. Les ressources de Planetary Computer sont d'abord signées.

Identifiants : une configuration d'authentification Basic, envoyée au seul serveur de l'API STAC; pour les items de Copernicus Data Space, votre nom d'utilisateur et mot de passe Copernicus Data Space (pour obtenir son jeton).</translation>
    </message>
    <message>
      <source>Give a STAC footprint layer (INPUT) or a STAC download log (INPUT_LOG): there is nothing to download.</source>
      <translation>Donnez une couche d’emprises STAC (INPUT) ou un journal de téléchargement STAC (INPUT_LOG) : il n’y a rien à télécharger.</translation>
    </message>
    <message>
      <source>The STAC download log</source>
      <translation>le journal de téléchargement STAC</translation>
    </message>
    <message>
      <source>STAC footprints</source>
      <translation>Empreintes STAC</translation>
    </message>
    <message>
      <source>STAC download log</source>
      <translation>Journal de téléchargement STAC</translation>
    </message>
    <message>
      <source>Asset keys or roles</source>
      <translation>Clés ou rôles des ressources</translation>
    </message>
    <message>
      <source>Download folder</source>
      <translation>Dossier de téléchargement</translation>
    </message>
    <message>
      <source>Credentials (Basic auth config)</source>
      <translation>Identifiants (configuration d'authentification Basic)</translation>
    </message>
    <message>
      <source>Parallel downloads per server</source>
      <translation>Téléchargements en parallèle par serveur</translation>
    </message>
    <message>
      <source>Planetary Computer signing URL</source>
      <translation>URL de signature de Planetary Computer</translation>
    </message>
    <message>
      <source>Hosts whose assets are signed</source>
      <translation>Hôtes dont les ressources sont signées</translation>
    </message>
    <message>
      <source>Copernicus Data Space token (login) URL</source>
      <translation>URL du jeton (connexion) de Copernicus Data Space</translation>
    </message>
    <message>
      <source>Downloads</source>
      <translation>Téléchargements</translation>
    </message>
    <message>
      <source>These features have no self_link: choose the footprint layer of a STAC search.</source>
      <translation>Ces entités n'ont pas de champ self_link : choisissez la couche d'empreintes d'une recherche STAC.</translation>
    </message>
    <message>
      <source>STAC download logs (*.csv)</source>
      <translation>Journaux de téléchargement STAC (*.csv)</translation>
    </message>
    <message>
      <source>Reading {0} STAC item(s)</source>
      <translation>Lecture de {0} item(s) STAC</translation>
    </message>
    <message>
      <source>{0} asset(s) to download into {1}; log: {2}</source>
      <translation>{0} ressource(s) à télécharger dans {1}; journal : {2}</translation>
    </message>
    <message>
      <source>A downloaded asset could not be recorded in the log ({0}): is the disk full? The assets downloaded so far are on disk and verified. Free some space, then run again with the log: verified files are skipped.</source>
      <translation>Une ressource téléchargée n'a pas pu être inscrite au journal ({0}) : le disque est-il plein? Les ressources téléchargées jusqu'ici sont sur le disque et vérifiées. Libérez de l'espace, puis relancez avec le journal : les fichiers vérifiés sont sautés.</translation>
    </message>
    <message>
      <source>These items come from several servers ({0}): the auth config is sent to one STAC API only. Download the items of each server in a run of its own.</source>
      <translation>Ces items viennent de plusieurs serveurs ({0}) : la configuration d’authentification n’est envoyée qu’à une seule API STAC. Téléchargez les items de chaque serveur en une exécution distincte.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderAlgorithm</name>
    <message>
      <source>Search</source>
      <translation>Recherche</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>Commande</translation>
    </message>
    <message>
      <source>Download</source>
      <translation>Téléchargement</translation>
    </message>
    <message>
      <source>WCS</source>
      <translation>WCS</translation>
    </message>
  </context>
  <context>
    <name>EoOrderAreas</name>
    <message>
      <source>The search area is empty: zoom the map to your area or give a box.</source>
      <translation>La zone de recherche est vide : zoomez la carte sur votre zone ou indiquez un rectangle.</translation>
    </message>
    <message>
      <source>The search area is empty: select a polygon or zoom to your area.</source>
      <translation>La zone de recherche est vide : sélectionnez un polygone ou zoomez sur votre zone.</translation>
    </message>
    <message>
      <source>The search area must be a polygon: select a polygon feature.</source>
      <translation>La zone de recherche doit être un polygone : sélectionnez une entité polygonale.</translation>
    </message>
    <message>
      <source>No polygon selected: select the polygon feature to search in.</source>
      <translation>Aucun polygone sélectionné : sélectionnez l'entité polygonale dans laquelle chercher.</translation>
    </message>
    <message>
      <source>The search area lies outside the world (−180…180, −90…90).</source>
      <translation>La zone de recherche est hors du monde (−180…180, −90…90).</translation>
    </message>
    <message>
      <source>The search area cannot be expressed in WGS 84 longitude/latitude: is the extent within where {0} is defined?</source>
      <translation>La zone de recherche ne peut pas être exprimée en longitude/latitude WGS 84 : l'emprise est-elle dans le domaine où {0} est défini?</translation>
    </message>
    <message>
      <source>The search area cannot be expressed in WGS 84 longitude/latitude.</source>
      <translation>La zone de recherche ne peut pas être exprimée en longitude/latitude WGS 84.</translation>
    </message>
    <message>
      <source>The search area has {0} separate parts; the Copernicus catalogue takes one polygon: select a single polygon (or merge them first).</source>
      <translation>La zone de recherche a {0} parties distinctes; le catalogue Copernicus n'accepte qu'un polygone : sélectionnez un seul polygone (ou fusionnez-les d'abord).</translation>
    </message>
  </context>
  <context>
    <name>EoOrderAuth</name>
    <message>
      <source>the service</source>
      <translation>le service</translation>
    </message>
    <message>
      <source>auth config '{0}'</source>
      <translation>la configuration d’authentification « {0} »</translation>
    </message>
    <message>
      <source>auth config {0}</source>
      <translation>la configuration d’authentification {0}</translation>
    </message>
    <message>
      <source>{0} needs a username and password: choose or create a QGIS authentication configuration (Basic) for it.</source>
      <translation>{0} nécessite un nom d'utilisateur et un mot de passe : choisissez ou créez une configuration d'authentification QGIS (Basic) pour ce service.</translation>
    </message>
    <message>
      <source>QGIS auth config {0!r} for {1} does not exist or cannot be decrypted: pick another one or unlock the authentication database.</source>
      <translation>La configuration d'authentification QGIS {0!r} pour {1} n'existe pas ou ne peut pas être déchiffrée : choisissez-en une autre ou déverrouillez la base d'authentification.</translation>
    </message>
    <message>
      <source>QGIS {0} for {1} has no username: edit it in Settings &gt; Options &gt; Authentication (method Basic).</source>
      <translation>QGIS : {0} pour {1} n’a pas de nom d’utilisateur : modifiez-la dans Préférences &gt; Options &gt; Authentification (méthode Basic).</translation>
    </message>
  </context>
  <context>
    <name>EoOrderBoxes</name>
    <message>
      <source>a corner is missing</source>
      <translation>un coin manque</translation>
    </message>
    <message>
      <source>a bound of the geographic bounding box is missing or not a number</source>
      <translation>une limite du rectangle géographique manque ou n'est pas un nombre</translation>
    </message>
    <message>
      <source>the bounding polygon has a coordinate that is not a number</source>
      <translation>le polygone d'emprise a une coordonnée qui n'est pas un nombre</translation>
    </message>
    <message>
      <source>the bounding polygon has no usable coordinates</source>
      <translation>le polygone d'emprise n'a aucune coordonnée utilisable</translation>
    </message>
    <message>
      <source>a coordinate is not a finite number</source>
      <translation>une coordonnée n'est pas un nombre fini</translation>
    </message>
    <message>
      <source>longitudes {0}, {1} outside -180…180</source>
      <translation>longitudes {0}, {1} hors de -180…180</translation>
    </message>
    <message>
      <source>latitudes {0}, {1} outside -90…90</source>
      <translation>latitudes {0}, {1} hors de -90…90</translation>
    </message>
    <message>
      <source>south {0} is north of north {1}</source>
      <translation>le sud {0} est au nord du nord {1}</translation>
    </message>
    <message>
      <source>the corner {0} is not two numbers</source>
      <translation>le coin {0} n'est pas fait de deux nombres</translation>
    </message>
  </context>
  <context>
    <name>EoOrderCatalogue</name>
    <message>
      <source>records</source>
      <translation>enregistrements</translation>
    </message>
    <message>
      <source>products</source>
      <translation>produits</translation>
    </message>
    <message>
      <source>items</source>
      <translation>items</translation>
    </message>
    <message>
      <source>Choose a search area: zoom the map to it or type a box.</source>
      <translation>Choisissez une zone de recherche : zoomez la carte sur elle ou saisissez un rectangle.</translation>
    </message>
    <message>
      <source>Choose a search box: zoom the map to your area or type a box.</source>
      <translation>Choisissez un rectangle de recherche : zoomez la carte sur votre zone ou saisissez un rectangle.</translation>
    </message>
    <message>
      <source>Choose both sensing dates (the end date is exclusive).</source>
      <translation>Choisissez les deux dates d'acquisition (la date de fin est exclue).</translation>
    </message>
    <message>
      <source>“{0}” is not a catalogue (it is a {1}).</source>
      <translation>« {0} » n'est pas un catalogue (c'est un {1}).</translation>
    </message>
    <message>
      <source>{0} items have no geometry: they are not in the layer.</source>
      <translation>{0} items n'ont pas de géométrie : ils ne sont pas dans la couche.</translation>
    </message>
    <message>
      <source>≤ {0:g} % cloud</source>
      <translation>≤ {0:g} % de nuages</translation>
    </message>
    <message>
      <source>{0} item</source>
      <translation>{0} item</translation>
    </message>
    <message>
      <source>{0} items</source>
      <translation>{0} items</translation>
    </message>
    <message>
      <source>The query log could not be written to {0} ({1}): choose a writable download folder.</source>
      <translation>Le journal de requête n'a pas pu être écrit dans {0} ({1}) : choisissez un dossier de téléchargement accessible en écriture.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderCdseAuth</name>
    <message>
      <source>the Copernicus login (token) service</source>
      <translation>le service de connexion (jeton) de Copernicus</translation>
    </message>
    <message>
      <source>The service has a problem: try again later.</source>
      <translation>Le service a un problème : réessayez plus tard.</translation>
    </message>
    <message>
      <source>Check the token URL.</source>
      <translation>Vérifiez l'URL du jeton.</translation>
    </message>
    <message>
      <source>Could not log in with {0}</source>
      <translation>Impossible de se connecter à {0}</translation>
    </message>
    <message>
      <source>Could not refresh the session with {0}</source>
      <translation>Impossible d'actualiser la session auprès de {0}</translation>
    </message>
    <message>
      <source>{0}: the login service answered HTTP {1}{2}. {3}</source>
      <translation>{0} : le service de connexion a répondu HTTP {1}{2}. {3}</translation>
    </message>
    <message>
      <source>{0} downloads need your account: choose or create a QGIS authentication configuration (Basic) with your Copernicus Data Space username and password.</source>
      <translation>Les téléchargements {0} nécessitent votre compte : choisissez ou créez une configuration d'authentification QGIS (Basic) avec votre nom d'utilisateur et votre mot de passe Copernicus Data Space.</translation>
    </message>
    <message>
      <source>{0} rejected the username/password{1} (HTTP {2}{3}). Check the credentials (and the one-time code if your account uses two-factor authentication) in QGIS' authentication settings.</source>
      <translation>{0} a refusé le nom d'utilisateur ou le mot de passe{1} (HTTP {2}{3}). Vérifiez les identifiants (et le code à usage unique si votre compte utilise l'authentification à deux facteurs) dans les paramètres d'authentification de QGIS.</translation>
    </message>
    <message>
      <source>The {0} login service at {1} did not answer with a token (maintenance page?). Try again later.</source>
      <translation>Le service de connexion {0} à {1} n'a pas répondu par un jeton (page de maintenance?). Réessayez plus tard.</translation>
    </message>
    <message>
      <source>The {0} session in {1} has expired or was rejected, and no username/password is configured: choose a QGIS authentication configuration (Basic) with your Copernicus Data Space account.</source>
      <translation>La session {0} enregistrée dans {1} a expiré ou a été refusée, et aucun nom d'utilisateur ni mot de passe n'est configuré : choisissez une configuration d'authentification QGIS (Basic) avec votre compte Copernicus Data Space.</translation>
    </message>
    <message>
      <source>The {0} login service at {1} did not answer in time. Try again later.</source>
      <translation>Le service de connexion {0} à {1} n'a pas répondu à temps. Réessayez plus tard.</translation>
    </message>
    <message>
      <source>Could not reach the {0} login service at {1} ({2}). Check your network or proxy settings.</source>
      <translation>Impossible de joindre le service de connexion {0} à {1} ({2}). Vérifiez votre réseau ou vos paramètres de mandataire.</translation>
    </message>
    <message>
      <source>Could not save the {0} session to {1} ({2}). Check that the folder exists and is writable.</source>
      <translation>Impossible d'enregistrer la session {0} dans {1} ({2}). Vérifiez que le dossier existe et est accessible en écriture.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderCdseBatch</name>
    <message>
      <source>No Copernicus products selected: select footprints of a Copernicus search.</source>
      <translation>Aucun produit Copernicus sélectionné : sélectionnez des emprises d'une recherche Copernicus.</translation>
    </message>
    <message>
      <source>unknown error</source>
      <translation>erreur inconnue</translation>
    </message>
    <message>
      <source>These features have no product_id field: select footprints of a Copernicus search.</source>
      <translation>Ces entités n'ont pas de champ product_id : sélectionnez des emprises d'une recherche Copernicus.</translation>
    </message>
    <message>
      <source>The query log {0} lists no products: run a search that finds some first.</source>
      <translation>Le journal de requête {0} ne liste aucun produit : lancez d'abord une recherche qui en trouve.</translation>
    </message>
    <message>
      <source>Could not open the footprint layer {0} to record the download: is it still there?</source>
      <translation>Impossible d'ouvrir la couche d'emprises {0} pour y noter le téléchargement : existe-t-elle encore ?</translation>
    </message>
    <message>
      <source>Could not record the download in the footprint layer {0} ({1}): is it read-only?</source>
      <translation>Impossible de noter le téléchargement dans la couche d'emprises {0} ({1}) : est-elle en lecture seule ?</translation>
    </message>
  </context>
  <context>
    <name>EoOrderCdseDownload</name>
    <message>
      <source>Copernicus Data Space support</source>
      <translation>l'équipe de soutien de Copernicus Data Space</translation>
    </message>
    <message>
      <source>{0} is offline (in the long-term archive) and cannot be downloaded over OData now: order it from the Copernicus Data Space browser, then download it again once it is online.</source>
      <translation>{0} est hors ligne (dans l'archive à long terme) et ne peut pas être téléchargé par OData maintenant : commandez-le dans le navigateur de Copernicus Data Space, puis téléchargez-le de nouveau une fois en ligne.</translation>
    </message>
    <message>
      <source>concurrency must be 1..{0} (CDSE allows {0} connections)</source>
      <translation>la concurrence doit être de 1 à {0} (CDSE permet {0} connexions)</translation>
    </message>
    <message>
      <source>{0}: its id {1!r} is not a Copernicus product id (a UUID such as 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0), so it was not requested: search the catalogue again for this product.</source>
      <translation>{0} : son identifiant {1!r} n'est pas un identifiant de produit Copernicus (un UUID tel que 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0), il n'a donc pas été demandé : recherchez de nouveau ce produit dans le catalogue.</translation>
    </message>
    <message>
      <source>A product</source>
      <translation>Un produit</translation>
    </message>
  </context>
  <context>
    <name>EoOrderCdseSearch</name>
    <message>
      <source>Copernicus Data Space catalogue</source>
      <translation>catalogue de Copernicus Data Space</translation>
    </message>
    <message>
      <source>The Copernicus catalogue searches with one POLYGON, not a MULTIPOLYGON: search each part separately or draw one polygon around them.</source>
      <translation>Le catalogue Copernicus cherche avec un seul POLYGON, pas un MULTIPOLYGON : cherchez chaque partie séparément ou tracez un polygone qui les entoure.</translation>
    </message>
    <message>
      <source>The search polygon has holes; the Copernicus search takes its outer boundary only: remove the holes (or search with the outline).</source>
      <translation>Le polygone de recherche a des trous ; la recherche Copernicus ne prend que son contour extérieur : retirez les trous (ou cherchez avec le contour).</translation>
    </message>
    <message>
      <source>The search polygon needs at least 3 distinct points.</source>
      <translation>Le polygone de recherche doit avoir au moins 3 points distincts.</translation>
    </message>
    <message>
      <source>The search polygon has no area (its points are on one line): draw it again.</source>
      <translation>Le polygone de recherche n'a pas de surface (ses points sont alignés) : tracez-le de nouveau.</translation>
    </message>
    <message>
      <source>start date</source>
      <translation>date de début</translation>
    </message>
    <message>
      <source>end date</source>
      <translation>date de fin</translation>
    </message>
    <message>
      <source>The search polygon has a missing or infinite coordinate.</source>
      <translation>Le polygone de recherche a une coordonnée manquante ou infinie.</translation>
    </message>
    <message>
      <source>Choose a Copernicus collection, for example SENTINEL-2.</source>
      <translation>Choisissez une collection Copernicus, par exemple SENTINEL-2.</translation>
    </message>
    <message>
      <source>The maximum number of records must be at least 1.</source>
      <translation>Le nombre maximal d'enregistrements doit être d'au moins 1.</translation>
    </message>
    <message>
      <source>A Copernicus search needs a {0}: give a date such as 2022-05-03.</source>
      <translation>Une recherche Copernicus a besoin d'une {0} : indiquez une date telle que 2022-05-03.</translation>
    </message>
    <message>
      <source>The search area must be a WKT POLYGON such as POLYGON((lon lat, lon lat, lon lat)); got {0!r}.</source>
      <translation>La zone de recherche doit être un POLYGON WKT tel que POLYGON((lon lat, lon lat, lon lat)) ; reçu {0!r}.</translation>
    </message>
    <message>
      <source>The search polygon {0!r} is not valid WKT: expected POLYGON((lon lat, ...)).</source>
      <translation>Le polygone de recherche {0!r} n'est pas du WKT valide : attendu POLYGON((lon lat, ...)).</translation>
    </message>
    <message>
      <source>The search polygon has {0} points; the Copernicus search sends it in the URL, which allows about {1}: simplify the polygon.</source>
      <translation>Le polygone de recherche a {0} points ; la recherche Copernicus l'envoie dans l'URL, qui en permet environ {1} : simplifiez le polygone.</translation>
    </message>
    <message>
      <source>The search polygon must be WKT text or a list of (longitude, latitude) pairs.</source>
      <translation>Le polygone de recherche doit être du texte WKT ou une liste de paires (longitude, latitude).</translation>
    </message>
    <message>
      <source>The search polygon crosses itself (its edges intersect): draw it again without loops.</source>
      <translation>Le polygone de recherche se croise lui-même (ses côtés se coupent) : tracez-le de nouveau sans boucles.</translation>
    </message>
    <message>
      <source> Server said: {0}</source>
      <translation> Le serveur a dit : {0}</translation>
    </message>
    <message>
      <source>{0} rejected the search (HTTP {1}).{2} Check the collection, polygon, dates and cloud cover, or narrow the search.</source>
      <translation>{0} a rejeté la recherche (HTTP {1}).{2} Vérifiez la collection, le polygone, les dates et la couverture nuageuse, ou restreignez la recherche.</translation>
    </message>
    <message>
      <source>The search polygon is in SRID {0}; the Copernicus catalogue needs WGS 84 longitude/latitude (EPSG:4326): transform it first.</source>
      <translation>Le polygone de recherche est en SRID {0} ; le catalogue Copernicus demande des longitudes/latitudes WGS 84 (EPSG:4326) : transformez-le d'abord.</translation>
    </message>
    <message>
      <source>The search polygon has an unreadable point {0!r}: write 'lon lat'.</source>
      <translation>Le polygone de recherche a un point illisible {0!r} : écrivez « lon lat ».</translation>
    </message>
    <message>
      <source>The search polygon point ({0:g} {1:g}) is outside longitude -180..180 / latitude -90..90: give the polygon in WGS 84 degrees, longitude first.</source>
      <translation>Le point ({0:g} {1:g}) du polygone de recherche est hors de longitude -180..180 / latitude -90..90 : donnez le polygone en degrés WGS 84, longitude d'abord.</translation>
    </message>
    <message>
      <source>{0!r} is not a Copernicus collection name; use one of {1}.</source>
      <translation>{0!r} n'est pas un nom de collection Copernicus ; utilisez l'un de {1}.</translation>
    </message>
    <message>
      <source>The start date {0} is not before the end date {1} (the end date is exclusive): swap or widen them.</source>
      <translation>La date de début {0} n'est pas antérieure à la date de fin {1} (la date de fin est exclue) : inversez-les ou élargissez-les.</translation>
    </message>
    <message>
      <source>{0} refused access (HTTP {1}).{2} Searching needs no login: check the catalogue URL and your proxy settings.</source>
      <translation>{0} a refusé l'accès (HTTP {1}).{2} La recherche ne demande aucune connexion : vérifiez l'URL du catalogue et vos paramètres de mandataire.</translation>
    </message>
    <message>
      <source>{0} was not found at {1} (HTTP 404).{2} Check the catalogue URL.</source>
      <translation>{0} est introuvable à {1} (HTTP 404).{2} Vérifiez l'URL du catalogue.</translation>
    </message>
    <message>
      <source>{0} is receiving too many requests (HTTP 429).{1} Wait a minute and search again.</source>
      <translation>{0} reçoit trop de requêtes (HTTP 429).{1} Attendez une minute et cherchez de nouveau.</translation>
    </message>
    <message>
      <source>{0} had a problem answering the search (HTTP {1}).{2} Try again later.</source>
      <translation>{0} a eu un problème en répondant à la recherche (HTTP {1}).{2} Réessayez plus tard.</translation>
    </message>
    <message>
      <source>{0} sent JSON without a product list ('value'). Check that the URL is an OData Products endpoint such as {1}.</source>
      <translation>{0} a envoyé du JSON sans liste de produits (« value »). Vérifiez que l'URL est un point d'accès OData Products tel que {1}.</translation>
    </message>
    <message>
      <source>{0} has more than {1} products with sensing start {2}, more than its paging can return: narrow the polygon or the collection.</source>
      <translation>{0} a plus de {1} produits dont l'acquisition commence à {2}, plus que sa pagination ne peut en rendre : restreignez le polygone ou la collection.</translation>
    </message>
    <message>
      <source>The maximum cloud cover must be a percentage between 0 and 100; got {0:g}.</source>
      <translation>La couverture nuageuse maximale doit être un pourcentage entre 0 et 100 ; reçu {0:g}.</translation>
    </message>
    <message>
      <source>The maximum number of records {0!r} is not a whole number.</source>
      <translation>Le nombre maximal d'enregistrements {0!r} n'est pas un nombre entier.</translation>
    </message>
    <message>
      <source>{0} sent a reply that is not valid JSON ({1} bytes{2}). Try again later.</source>
      <translation>{0} a envoyé une réponse qui n'est pas du JSON valide ({1} octets{2}). Réessayez plus tard.</translation>
    </message>
    <message>
      <source>, possibly cut short</source>
      <translation>, peut-être tronquée</translation>
    </message>
    <message>
      <source>, empty</source>
      <translation>, vide</translation>
    </message>
    <message>
      <source>The maximum cloud cover {0!r} is not a number.</source>
      <translation>La couverture nuageuse maximale {0!r} n'est pas un nombre.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderChecks</name>
    <message>
      <source>MAX_RECORDS must be a whole number, not {0!r}.</source>
      <translation>MAX_RECORDS doit être un nombre entier, pas {0!r}.</translation>
    </message>
    <message>
      <source>MAX_RECORDS must be at least 1 (it is {0}).</source>
      <translation>MAX_RECORDS doit valoir au moins 1 (il vaut {0}).</translation>
    </message>
    <message>
      <source>MAX_RECORDS is {0}: one search can ask for at most {1} records. Give a smaller number (or narrow the area or dates).</source>
      <translation>MAX_RECORDS vaut {0} : une recherche peut demander au plus {1} enregistrements. Donnez un nombre plus petit (ou restreignez la zone ou les dates).</translation>
    </message>
    <message>
      <source>{0} cannot be written to {1}: the folder {2} is not writable ({3}). Choose another place; nothing was searched or downloaded.</source>
      <translation>Impossible d'écrire {0} dans {1} : le dossier {2} n'est pas accessible en écriture ({3}). Choisissez un autre emplacement; rien n'a été recherché ni téléchargé.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderConnections</name>
    <message>
      <source>Give the connection a name.</source>
      <translation>Donnez un nom à la connexion.</translation>
    </message>
    <message>
      <source>Enter the URL of the {0}.</source>
      <translation>Saisissez l'URL du service ({0}).</translation>
    </message>
    <message>
      <source>{0!r} is not a valid URL: it contains spaces.</source>
      <translation>{0!r} n'est pas une URL valide : elle contient des espaces.</translation>
    </message>
    <message>
      <source>{0!r} is not a valid URL for a {1}: it must start with http:// or https://.</source>
      <translation>{0!r} n'est pas une URL valide pour un service {1} : elle doit commencer par http:// ou https://.</translation>
    </message>
    <message>
      <source>{0!r} is not a valid URL: it names no server after {1}://.</source>
      <translation>{0!r} n'est pas une URL valide : elle ne nomme aucun serveur après {1}://.</translation>
    </message>
    <message>
      <source>The name is too long ({0} characters, at most {1}).</source>
      <translation>Le nom est trop long ({0} caractères, au plus {1}).</translation>
    </message>
    <message>
      <source>Unknown connections file format {0!r}.</source>
      <translation>Format de fichier de connexions inconnu {0!r}.</translation>
    </message>
    <message>
      <source>None of the chosen connections fits this format: it holds {0} only.</source>
      <translation>Aucune des connexions choisies ne convient à ce format : il ne contient que des connexions {0}.</translation>
    </message>
    <message>
      <source>{0} is empty: it holds no connections.</source>
      <translation>{0} est vide : il ne contient aucune connexion.</translation>
    </message>
    <message>
      <source>{0} is too large ({1} MB) for a connections file.</source>
      <translation>{0} est trop volumineux ({1} Mo) pour un fichier de connexions.</translation>
    </message>
    <message>
      <source>{0} holds no XML element.</source>
      <translation>{0} ne contient aucun élément XML.</translation>
    </message>
    <message>
      <source>{0!r} is not a valid URL: its port is not a number from 1 to 65535.</source>
      <translation>{0!r} n'est pas une URL valide : son port n'est pas un nombre de 1 à 65535.</translation>
    </message>
    <message>
      <source>The connection “{0}” no longer exists.</source>
      <translation>La connexion « {0} » n'existe plus.</translation>
    </message>
    <message>
      <source>“{0}” is built in: it cannot be removed.</source>
      <translation>« {0} » est intégrée : elle ne peut pas être supprimée.</translation>
    </message>
    <message>
      <source>unknown kind {0!r}</source>
      <translation>type inconnu {0!r}</translation>
    </message>
    <message>
      <source>{0} is built in; a second one cannot be added</source>
      <translation>{0} est intégré; un second ne peut pas être ajouté</translation>
    </message>
    <message>
      <source>Only CSW catalogues, WCS servers and STAC APIs can be added, not {0!r}.</source>
      <translation>Seuls des catalogues CSW, des serveurs WCS et des API STAC peuvent être ajoutés, pas {0!r}.</translation>
    </message>
    <message>
      <source>{0} is not readable XML ({1}). Choose a connections file exported by EO Order, MetaSearch or QGIS' WCS connections.</source>
      <translation>{0} n'est pas du XML lisible ({1}). Choisissez un fichier de connexions exporté par EO Order, MetaSearch ou les connexions WCS de QGIS.</translation>
    </message>
    <message>
      <source>There is already a {0} named “{1}”: choose another name.</source>
      <translation>Il existe déjà une connexion {0} nommée « {1} » : choisissez un autre nom.</translation>
    </message>
    <message>
      <source>“{0}” already connects to {1}.</source>
      <translation>« {0} » se connecte déjà à {1}.</translation>
    </message>
    <message>
      <source>{0} is not a connections file: it is a &lt;{1}&gt; document, not &lt;{2}&gt;, &lt;{3}&gt; (MetaSearch) or &lt;{4}&gt; (QGIS WCS).</source>
      <translation>{0} n'est pas un fichier de connexions : c'est un document &lt;{1}&gt;, pas &lt;{2}&gt;, &lt;{3}&gt; (MetaSearch) ni &lt;{4}&gt; (WCS de QGIS).</translation>
    </message>
  </context>
  <context>
    <name>EoOrderCsw</name>
    <message>
      <source>ISO 19110 feature catalogue</source>
      <translation>catalogue d'entités ISO 19110</translation>
    </message>
    <message>
      <source>the catalogue</source>
      <translation>le catalogue</translation>
    </message>
    <message>
      <source>a CSW {0} {1}</source>
      <translation>un {1} CSW {0}</translation>
    </message>
    <message>
      <source>unknown elements</source>
      <translation>éléments inconnus</translation>
    </message>
    <message>
      <source>EODMS RCM needs your EODMS username and password: choose or create a QGIS authentication configuration (Basic, username/password) for it.</source>
      <translation>EODMS RCM demande votre nom d'utilisateur et votre mot de passe EODMS : choisissez ou créez une configuration d'authentification QGIS (Basic, nom d'utilisateur/mot de passe) pour ce catalogue.</translation>
    </message>
    <message>
      <source> (namespace {0})</source>
      <translation> (espace de noms {0})</translation>
    </message>
    <message>
      <source>, version {0}</source>
      <translation>, version {0}</translation>
    </message>
    <message>
      <source>{0} sent an empty reply.</source>
      <translation>{0} a envoyé une réponse vide.</translation>
    </message>
    <message>
      <source>{0} did not answer with XML (it starts with {1!r}).</source>
      <translation>{0} n'a pas répondu en XML (la réponse commence par {1!r}).</translation>
    </message>
    <message>
      <source>{0} answered with {1} MB of XML without a CSW element: check that the URL is the catalogue's CSW 2.0.2 endpoint.</source>
      <translation>{0} a répondu par {1} Mo de XML sans élément CSW : vérifiez que l'URL est le point d'accès CSW 2.0.2 du catalogue.</translation>
    </message>
    <message>
      <source>{0} answered with {1} instead of a CSW 2.0.2 GetRecords result: EO Order reads CSW 2.0.2 catalogues; check that the URL is the catalogue's CSW 2.0.2 endpoint.</source>
      <translation>{0} a répondu par {1} au lieu d'un résultat GetRecords CSW 2.0.2 : EO Order lit les catalogues CSW 2.0.2 ; vérifiez que l'URL est le point d'accès CSW 2.0.2 du catalogue.</translation>
    </message>
    <message>
      <source>the search was cancelled</source>
      <translation>la recherche a été annulée</translation>
    </message>
    <message>
      <source>The catalogue matched {0} records but sent only {1}{2}: the result is incomplete. Try again later, or narrow the search.</source>
      <translation>Le catalogue a trouvé {0} enregistrements mais n'en a envoyé que {1}{2} : le résultat est incomplet. Réessayez plus tard, ou restreignez la recherche.</translation>
    </message>
    <message>
      <source>{0} records are in a schema EO Order cannot read ({1}): choose Dublin Core or ISO 19139 for this connection.</source>
      <translation>{0} enregistrements sont dans un schéma qu'EO Order ne sait pas lire ({1}) : choisissez Dublin Core ou ISO 19139 pour cette connexion.</translation>
    </message>
    <message>
      <source>{0} records were larger than EO Order reads ({1} MB of XML each) and were skipped.</source>
      <translation>{0} enregistrements dépassaient ce qu'EO Order lit ({1} Mo de XML chacun) et ont été ignorés.</translation>
    </message>
    <message>
      <source>{0} records came twice (same identifier) and are listed once.</source>
      <translation>{0} enregistrements sont arrivés deux fois (même identifiant) et sont listés une seule fois.</translation>
    </message>
    <message>
      <source>{0} records dated outside the search's dates were left out.</source>
      <translation>{0} enregistrements datés hors des dates de la recherche ont été écartés.</translation>
    </message>
    <message>
      <source>{0} records have a bounding box that cannot be drawn ({1}); they are kept without a footprint.</source>
      <translation>{0} enregistrements ont un rectangle d'emprise impossible à tracer ({1}) ; ils sont gardés sans emprise.</translation>
    </message>
    <message>
      <source>The connection to {0} broke while reading the records ({1}). Try again.</source>
      <translation>La connexion à {0} a été coupée pendant la lecture des enregistrements ({1}). Réessayez.</translation>
    </message>
    <message>
      <source>{0} in {1}</source>
      <translation>{0} en {1}</translation>
    </message>
    <message>
      <source>{0}: {1}</source>
      <translation>{0} : {1}</translation>
    </message>
    <message>
      <source>{0} sent malformed or truncated XML ({1}). Try again; if it persists the service is broken.</source>
      <translation>{0} a envoyé du XML mal formé ou tronqué ({1}). Réessayez ; si cela persiste, le service est défaillant.</translation>
    </message>
    <message>
      <source>page {0} was empty</source>
      <translation>la page {0} était vide</translation>
    </message>
    <message>
      <source>page {0} failed</source>
      <translation>la page {0} a échoué</translation>
    </message>
    <message>
      <source>page {0} gave no next record position</source>
      <translation>la page {0} n'a donné aucune position d'enregistrement suivant</translation>
    </message>
    <message>
      <source>page {0} pointed back to record {1}</source>
      <translation>la page {0} renvoyait en arrière à l'enregistrement {1}</translation>
    </message>
    <message>
      <source>page {0} pointed past the last match, to record {1}</source>
      <translation>la page {0} renvoyait au-delà du dernier résultat, à l'enregistrement {1}</translation>
    </message>
  </context>
  <context>
    <name>EoOrderDock</name>
    <message>
      <source>EO Order – Search imagery</source>
      <translation>EO Order – Rechercher des images</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Recherche</translation>
    </message>
    <message>
      <source>Orders</source>
      <translation>Commandes</translation>
    </message>
    <message>
      <source>WCS</source>
      <translation>WCS</translation>
    </message>
    <message>
      <source>History</source>
      <translation>Historique</translation>
    </message>
    <message>
      <source>Help for this tab</source>
      <translation>Aide pour cet onglet</translation>
    </message>
  </context>
  <context>
    <name>EoOrderDownload</name>
    <message>
      <source>{0}: not tried, because the login to {1} failed (see the first failed item).</source>
      <translation>{0} : pas tenté, car la connexion à {1} a échoué (voir le premier élément en échec).</translation>
    </message>
    <message>
      <source>{0}: cancelled; the partial download is kept and the next run resumes it.</source>
      <translation>{0} : annulé ; le téléchargement partiel est gardé et la prochaine exécution le reprendra.</translation>
    </message>
    <message>
      <source>{0}: cancelled.</source>
      <translation>{0} : annulé.</translation>
    </message>
    <message>
      <source>The connection failed while downloading {0} ({1}): run the download again later (it resumes).</source>
      <translation>La connexion a échoué pendant le téléchargement de {0} ({1}) : relancez le téléchargement plus tard (il reprendra).</translation>
    </message>
    <message>
      <source>Could not write {0} to {1} ({2}). Free some space or choose another folder.</source>
      <translation>Impossible d'écrire {0} dans {1} ({2}). Libérez de l'espace ou choisissez un autre dossier.</translation>
    </message>
    <message>
      <source>access token</source>
      <translation>jeton d'accès</translation>
    </message>
    <message>
      <source>username/password</source>
      <translation>nom d'utilisateur et mot de passe</translation>
    </message>
    <message>
      <source>The server</source>
      <translation>Le serveur</translation>
    </message>
    <message>
      <source>the server's operator</source>
      <translation>l'exploitant du serveur</translation>
    </message>
    <message>
      <source>It may have been withdrawn: search the catalogue again.</source>
      <translation>Il a peut-être été retiré : cherchez de nouveau dans le catalogue.</translation>
    </message>
    <message>
      <source>Check that your account may download it (and its quota), then try again.</source>
      <translation>Vérifiez que votre compte peut le télécharger (et son quota), puis réessayez.</translation>
    </message>
    <message>
      <source>complete (size checked; the catalogue gives no checksum)</source>
      <translation>complet (taille vérifiée ; le catalogue ne donne aucune somme de contrôle)</translation>
    </message>
    <message>
      <source>downloaded, but neither a checksum nor a size was available to check it</source>
      <translation>téléchargé, mais ni somme de contrôle ni taille n'étaient disponibles pour le vérifier</translation>
    </message>
    <message>
      <source>size checked</source>
      <translation>taille vérifiée</translation>
    </message>
    <message>
      <source>{0} answered HTTP {1} {2} for {3}. {4}{5}</source>
      <translation>{0} a répondu HTTP {1} {2} pour {3}. {4}{5}</translation>
    </message>
    <message>
      <source>{0}: {1} bytes, {2}{3}.</source>
      <translation>{0} : {1} octets, {2}{3}.</translation>
    </message>
    <message>
      <source>{0} verified</source>
      <translation>{0} vérifié</translation>
    </message>
    <message>
      <source>nothing to check it against</source>
      <translation>rien pour le vérifier</translation>
    </message>
    <message>
      <source>{0}: already downloaded ({1}){2}.</source>
      <translation>{0} : déjà téléchargé ({1}){2}.</translation>
    </message>
    <message>
      <source>Try again later; if it persists, report it to {0}.</source>
      <translation>Réessayez plus tard ; si cela persiste, signalez-le à {0}.</translation>
    </message>
    <message>
      <source>{0} has {1} bytes instead of {2}.</source>
      <translation>{0} a {1} octets au lieu de {2}.</translation>
    </message>
    <message>
      <source>Could not create the download folder {0} ({1}): choose another folder.</source>
      <translation>Impossible de créer le dossier de téléchargement {0} ({1}) : choisissez un autre dossier.</translation>
    </message>
    <message>
      <source>a web page{0}</source>
      <translation>une page Web{0}</translation>
    </message>
    <message>
      <source> Server said: {0}</source>
      <translation> Le serveur a dit : {0}</translation>
    </message>
    <message>
      <source>{0} redirected {1} more than {2} times: try again later.</source>
      <translation>{0} a redirigé {1} plus de {2} fois : réessayez plus tard.</translation>
    </message>
    <message>
      <source>{0} could not resume {1} (HTTP 416); restarting it.</source>
      <translation>{0} n'a pas pu reprendre {1} (HTTP 416) ; reprise depuis le début.</translation>
    </message>
    <message>
      <source>The connection broke after {0} of {1} bytes of {2}.</source>
      <translation>La connexion a été coupée après {0} des {1} octets de {2}.</translation>
    </message>
    <message>
      <source>{0} answered HTTP {1} for {2}.</source>
      <translation>{0} a répondu HTTP {1} pour {2}.</translation>
    </message>
    <message>
      <source>{0} asks for credentials to download {1} (HTTP 401): choose an authentication configuration for it, then run the download again.</source>
      <translation>{0} demande des identifiants pour télécharger {1} (HTTP 401) : choisissez une configuration d'authentification pour ce serveur, puis relancez le téléchargement.</translation>
    </message>
    <message>
      <source>{0} resumed {1} at the wrong offset; restarting it.</source>
      <translation>{0} a repris {1} au mauvais décalage ; reprise depuis le début.</translation>
    </message>
    <message>
      <source>{0} resumed {1} from another version of the file; restarting it.</source>
      <translation>{0} a repris {1} à partir d'une autre version du fichier ; reprise depuis le début.</translation>
    </message>
    <message>
      <source>{0} announced {1} bytes for {2}, but the catalogue says {3} bytes: refused, it is not the file the catalogue describes. Search again; if it persists, report it to {4}.</source>
      <translation>{0} a annoncé {1} octets pour {2}, mais le catalogue indique {3} octets : refusé, ce n'est pas le fichier que décrit le catalogue. Cherchez de nouveau ; si cela persiste, signalez-le à {4}.</translation>
    </message>
    <message>
      <source>{0} sent more than the announced {1} bytes of {2}: refused (stopped at that size and deleted). Try again later; if it persists, report it to {3}.</source>
      <translation>{0} a envoyé plus que les {1} octets annoncés de {2} : refusé (arrêté à cette taille et supprimé). Réessayez plus tard ; si cela persiste, signalez-le à {3}.</translation>
    </message>
    <message>
      <source>{0} sent {1} at less than {2}/s for {3:g} s: stopped. The partial download is kept; run the download again later to resume it.</source>
      <translation>{0} a envoyé {1} à moins de {2}/s pendant {3:g} s : arrêté. Le téléchargement partiel est gardé ; relancez le téléchargement plus tard pour le reprendre.</translation>
    </message>
    <message>
      <source>{0} sent a web page{1} instead of {2} (maintenance or an error page).</source>
      <translation>{0} a envoyé une page Web{1} au lieu de {2} (maintenance ou page d'erreur).</translation>
    </message>
    <message>
      <source>{0} sent an error message instead of {1}: {2}</source>
      <translation>{0} a envoyé un message d'erreur au lieu de {1} : {2}</translation>
    </message>
    <message>
      <source>Could not sign the URL of {0}: {1}.</source>
      <translation>Impossible de signer l'URL de {0} : {1}.</translation>
    </message>
    <message>
      <source>Could not get {0} from {1} ({2}).</source>
      <translation>Impossible d'obtenir {0} de {1} ({2}).</translation>
    </message>
    <message>
      <source>The connection broke while downloading {0} ({1}).</source>
      <translation>La connexion a été coupée pendant le téléchargement de {0} ({1}).</translation>
    </message>
    <message>
      <source>{0} of {1} done</source>
      <translation>{0} sur {1} terminés</translation>
    </message>
    <message>
      <source>{0} of {1}</source>
      <translation>{0} sur {1}</translation>
    </message>
    <message>
      <source>{0} left</source>
      <translation>{0} restantes</translation>
    </message>
    <message>
      <source>credentials</source>
      <translation>identifiants</translation>
    </message>
    <message>
      <source>{0} Gave up after {1} attempts: run the download again later (it resumes).</source>
      <translation>{0} Abandon après {1} tentatives : relancez le téléchargement plus tard (il reprendra).</translation>
    </message>
    <message>
      <source>{0} kept answering 'too many requests' (HTTP 429) for {1}: run the download again later (it resumes).</source>
      <translation>{0} a répondu sans cesse « trop de requêtes » (HTTP 429) pour {1} : relancez le téléchargement plus tard (il reprendra).</translation>
    </message>
    <message>
      <source>{0} refused the {1} for {2} (HTTP 401) even after a refresh: check that your account may download it, then run the download again.</source>
      <translation>{0} a refusé les {1} pour {2} (HTTP 401) même après un renouvellement : vérifiez que votre compte peut le télécharger, puis relancez le téléchargement.</translation>
    </message>
    <message>
      <source>{0}: the downloaded file's {1} ({2}) differs from the catalogue's ({3}) twice; the file was deleted. Report it to {4} or try again later.</source>
      <translation>{0} : le {1} du fichier téléchargé ({2}) diffère de celui du catalogue ({3}) deux fois ; le fichier a été supprimé. Signalez-le à {4} ou réessayez plus tard.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderEodms</name>
    <message>
      <source>Ordering from EODMS needs your EODMS username and password: choose or create a QGIS authentication configuration (Basic, username/password) for it.</source>
      <translation>Commander auprès d'EODMS nécessite votre nom d'utilisateur et votre mot de passe EODMS : choisissez ou créez une configuration d'authentification QGIS (Basic, nom d'utilisateur et mot de passe) pour cela.</translation>
    </message>
    <message>
      <source>{0} answered DescribeCoverage with &lt;{1}&gt; instead of a wcs:CoverageDescriptions: is the URL that of the EODMS WCS order service?</source>
      <translation>{0} a répondu à DescribeCoverage par &lt;{1}&gt; au lieu d'un wcs:CoverageDescriptions : l'URL est-elle celle du service de commande WCS d'EODMS?</translation>
    </message>
    <message>
      <source>{0} reported an error: {1}</source>
      <translation>{0} a signalé une erreur : {1}</translation>
    </message>
    <message>
      <source>{0} accepted the order for {1}: expect an e-mail "Image Request Submitted", then one with the download links.</source>
      <translation>{0} a accepté la commande de {1} : attendez un courriel « Image Request Submitted », puis un autre avec les liens de téléchargement.</translation>
    </message>
    <message>
      <source>An EODMS order needs the scene's record id and collection id; got record id {0!r} and collection id {1!r}. Search the scene again.</source>
      <translation>Une commande EODMS nécessite l'identifiant d'enregistrement et l'identifiant de collection de la scène; reçu l'identifiant d'enregistrement {0!r} et l'identifiant de collection {1!r}. Recherchez la scène de nouveau.</translation>
    </message>
    <message>
      <source>{0} sent an empty reply to DescribeCoverage for {1}. Try again later.</source>
      <translation>{0} a envoyé une réponse vide à DescribeCoverage pour {1}. Réessayez plus tard.</translation>
    </message>
    <message>
      <source>{0} does not offer packaging {1!r} for {2} (it offers {3}): choose one of those, or the server's default.</source>
      <translation>{0} n'offre pas l'empaquetage {1!r} pour {2} (il offre {3}) : choisissez l'un de ceux-ci, ou celui du serveur par défaut.</translation>
    </message>
    <message>
      <source>{0} sent an empty reply to the order for {1}: it was probably not placed. Try again later.</source>
      <translation>{0} a envoyé une réponse vide à la commande de {1} : elle n'a probablement pas été passée. Réessayez plus tard.</translation>
    </message>
    <message>
      <source>{0} cannot be ordered: {1}</source>
      <translation>{0} ne peut pas être commandée : {1}</translation>
    </message>
    <message>
      <source>The order for {0} may not have reached {1}: {2} Check your e-mail for an EODMS "Image Request Submitted" message before ordering it again.</source>
      <translation>La commande de {0} n'a peut-être pas atteint {1} : {2} Vérifiez vos courriels (message EODMS « Image Request Submitted ») avant de la commander de nouveau.</translation>
    </message>
    <message>
      <source>The order for {0} failed: {1}</source>
      <translation>La commande de {0} a échoué : {1}</translation>
    </message>
    <message>
      <source>The order for {0} failed: {1} Before ordering it again, check your e-mail for an EODMS "Image Request Submitted" message in case it went through.</source>
      <translation>La commande de {0} a échoué : {1} Avant de la commander de nouveau, vérifiez vos courriels (message EODMS « Image Request Submitted ») au cas où elle aurait abouti.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderErrors</name>
    <message>
      <source>Cancelled by the user.</source>
      <translation>Annulé par l'utilisateur.</translation>
    </message>
    <message>
      <source>The URL {0} for {1} contains a username and password (user:password@). EO Order does not keep passwords in URLs, where they would end up in names, files and logs: remove them from the URL and choose or create a QGIS authentication configuration (Basic) for it instead.</source>
      <translation>L'URL {0} pour {1} contient un nom d'utilisateur et un mot de passe (user:password@). EO Order ne garde pas de mots de passe dans les URL, où ils finiraient dans des noms, des fichiers et des journaux : retirez-les de l'URL et choisissez ou créez plutôt une configuration d'authentification QGIS (Basic).</translation>
    </message>
    <message>
      <source>this service</source>
      <translation>ce service</translation>
    </message>
  </context>
  <context>
    <name>EoOrderExport</name>
    <message>
      <source>Choose the file to export to.</source>
      <translation>Choisissez le fichier vers lequel exporter.</translation>
    </message>
    <message>
      <source>Choose a valid vector layer to export.</source>
      <translation>Choisissez une couche vectorielle valide à exporter.</translation>
    </message>
    <message>
      <source>Unknown export format {0!r}: use one of {1}.</source>
      <translation>Format d'exportation inconnu {0!r} : utilisez l'un de ceux-ci : {1}.</translation>
    </message>
    <message>
      <source>{0} value(s) of {1!r} were longer than the {2} bytes a Shapefile text holds and were cut; export to GeoPackage to keep them whole.</source>
      <translation>{0} valeur(s) de {1!r} dépassaient les {2} octets qu'un texte Shapefile peut contenir et ont été coupées; exportez en GeoPackage pour les garder entières.</translation>
    </message>
    <message>
      <source>The folder {0} does not exist: choose an existing folder.</source>
      <translation>Le dossier {0} n'existe pas : choisissez un dossier existant.</translation>
    </message>
    <message>
      <source>{0} is a file, not a folder: choose a folder to export into.</source>
      <translation>{0} est un fichier, pas un dossier : choisissez un dossier où exporter.</translation>
    </message>
    <message>
      <source>You cannot write into the folder {0} (permission denied): choose another folder.</source>
      <translation>Vous ne pouvez pas écrire dans le dossier {0} (permission refusée) : choisissez un autre dossier.</translation>
    </message>
    <message>
      <source>{0} is a folder: choose a file name.</source>
      <translation>{0} est un dossier : choisissez un nom de fichier.</translation>
    </message>
    <message>
      <source>The layer {0!r} has no coordinate reference system: set it (Layer Properties › Source) and export again.</source>
      <translation>La couche {0!r} n'a pas de système de coordonnées de référence : définissez-le (Propriétés de la couche › Source) et exportez de nouveau.</translation>
    </message>
    <message>
      <source>error {0}</source>
      <translation>erreur {0}</translation>
    </message>
    <message>
      <source>Could not write {0} ({1}): {2}</source>
      <translation>Impossible d'écrire {0} ({1}) : {2}</translation>
    </message>
    <message>
      <source>Could not save {0}: {1}. Close programs that use the file (or remove the layer from QGIS) and export again.</source>
      <translation>Impossible d'enregistrer {0} : {1}. Fermez les programmes qui utilisent le fichier (ou retirez la couche de QGIS) et exportez de nouveau.</translation>
    </message>
    <message>
      <source>No feature of the layer {0!r} is selected: select footprints, or export all features.</source>
      <translation>Aucune entité de la couche {0!r} n'est sélectionnée : sélectionnez des empreintes, ou exportez toutes les entités.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderHistory</name>
    <message>
      <source>any date</source>
      <translation>toute date</translation>
    </message>
    <message>
      <source>search history</source>
      <translation>historique des recherches</translation>
    </message>
    <message>
      <source>≤ {0:g} % cloud</source>
      <translation>≤ {0:g} % de nuages</translation>
    </message>
  </context>
  <context>
    <name>EoOrderHttp</name>
    <message>
      <source>without saying where (no Location header)</source>
      <translation>sans dire vers où (pas d'en-tête Location)</translation>
    </message>
    <message>
      <source>The server has a problem: try again later.</source>
      <translation>Le serveur a un problème : réessayez plus tard.</translation>
    </message>
    <message>
      <source>Check the URL and parameters.</source>
      <translation>Vérifiez l'URL et les paramètres.</translation>
    </message>
    <message>
      <source>{0!r} is not a valid URL for {1}: it needs http:// or https://.</source>
      <translation>{0!r} n'est pas une URL valide pour {1} : elle doit commencer par http:// ou https://.</translation>
    </message>
    <message>
      <source>the proxy</source>
      <translation>le mandataire</translation>
    </message>
    <message>
      <source>the proxy {0} set in QGIS ({1})</source>
      <translation>le mandataire {0} défini dans QGIS ({1})</translation>
    </message>
    <message>
      <source>to {0}</source>
      <translation>vers {0}</translation>
    </message>
    <message>
      <source>{0} at {1} answered HTTP {2} {3}, a redirect {4}. EO Order does not follow redirects for requests that carry your credentials, so they were not sent there. If the service has moved, update the connection's URL (Connections…) to the new address.</source>
      <translation>{0} à {1} a répondu HTTP {2} {3}, une redirection {4}. EO Order ne suit pas les redirections des requêtes qui portent vos identifiants; ils n'y ont donc pas été envoyés. Si le service a déménagé, mettez l'URL de la connexion (Connexions…) à la nouvelle adresse.</translation>
    </message>
    <message>
      <source>The proxy set in QGIS ({0}) uses the auth config {1!r}, which does not exist or cannot be decrypted: pick another one there or unlock the authentication database.</source>
      <translation>Le mandataire défini dans QGIS ({0}) utilise la configuration d'authentification {1!r}, qui n'existe pas ou ne peut pas être déchiffrée : choisissez-en une autre ou déverrouillez la base d'authentification.</translation>
    </message>
    <message>
      <source>{0} wants a username and password for the request to {1} (HTTP 407 Proxy Authentication Required): set them, or an authentication configuration, in the proxy settings ({2}).</source>
      <translation>{0} demande un nom d'utilisateur et un mot de passe pour la requête vers {1} (HTTP 407 Proxy Authentication Required) : indiquez-les, ou une configuration d'authentification, dans les paramètres du mandataire ({2}).</translation>
    </message>
    <message>
      <source>{0} asks for a username and password (HTTP 401{1}), and none is set for it: choose or create a QGIS authentication configuration (Basic) for this connection.</source>
      <translation>{0} demande un nom d'utilisateur et un mot de passe (HTTP 401{1}), et aucun n'est défini : choisissez ou créez une configuration d'authentification QGIS (Basic) pour cette connexion.</translation>
    </message>
    <message>
      <source> in {0}</source>
      <translation> dans {0}</translation>
    </message>
    <message>
      <source>{0} rejected the username/password{1} (HTTP {2}{3}). Check the credentials in QGIS' authentication settings.</source>
      <translation>{0} a refusé le nom d'utilisateur ou le mot de passe{1} (HTTP {2}{3}). Vérifiez les identifiants dans les paramètres d'authentification de QGIS.</translation>
    </message>
    <message>
      <source>{0} answered HTTP {1} {2} for {3}. {4}</source>
      <translation>{0} a répondu HTTP {1} {2} pour {3}. {4}</translation>
    </message>
    <message>
      <source>{0} at {1} did not finish sending its answer within {2:g} s, the time limit for one request. The server is stalled or very slow: try again later, ask for fewer records, or raise the limit (QGIS setting {3}).</source>
      <translation>{0} à {1} n'a pas fini d'envoyer sa réponse en {2:g} s, le temps maximal d'une requête. Le serveur est bloqué ou très lent : réessayez plus tard, demandez moins d'enregistrements ou augmentez la limite (paramètre QGIS {3}).</translation>
    </message>
    <message>
      <source>QGIS is set to use a proxy ({0}) but gives no proxy host: enter it in {1}, or turn the proxy off there.</source>
      <translation>QGIS est réglé pour utiliser un mandataire ({0}) mais n'indique pas d'hôte : saisissez-le dans {1}, ou désactivez-y le mandataire.</translation>
    </message>
    <message>
      <source>QGIS is set to use the SOCKS5 proxy {0} ({1}). EO Order talks to servers through Python's requests, which needs the PySocks package for SOCKS proxies, and PySocks is not installed in QGIS' Python: install it (pip install PySocks, or the python3-socks / OSGeo4W package), or use an HTTP proxy in QGIS.</source>
      <translation>QGIS est réglé pour utiliser le mandataire SOCKS5 {0} ({1}). EO Order communique avec les serveurs par requests de Python, qui a besoin du paquet PySocks pour les mandataires SOCKS, et PySocks n'est pas installé dans le Python de QGIS : installez-le (pip install PySocks, ou le paquet python3-socks / OSGeo4W), ou utilisez un mandataire HTTP dans QGIS.</translation>
    </message>
    <message>
      <source>Could not reach {0} at {1} through {2}: {3}. Check the proxy settings, or add this server to the proxy's exclusions.</source>
      <translation>Impossible de joindre {0} à {1} par {2} : {3}. Vérifiez les paramètres du mandataire, ou ajoutez ce serveur à ses exclusions.</translation>
    </message>
    <message>
      <source>{0} at {1} did not answer within {2} s. The server may be busy: try again later or ask for fewer records per page.</source>
      <translation>{0} à {1} n'a pas répondu en {2} s. Le serveur est peut-être occupé : réessayez plus tard ou demandez moins d'enregistrements par page.</translation>
    </message>
    <message>
      <source>{0!r} is not a valid URL for {1}.</source>
      <translation>{0!r} n'est pas une URL valide pour {1}.</translation>
    </message>
    <message>
      <source>Could not connect to {0} at {1} ({2}). Check the URL and your network or proxy settings.</source>
      <translation>Impossible de se connecter à {0} à {1} ({2}). Vérifiez l'URL et vos paramètres de réseau ou de mandataire.</translation>
    </message>
    <message>
      <source>Request to {0} at {1} failed: {2}</source>
      <translation>La requête vers {0} à {1} a échoué : {2}</translation>
    </message>
    <message>
      <source>The connection broke while reading {0}: {1}</source>
      <translation>La connexion a été rompue pendant la lecture de {0} : {1}</translation>
    </message>
    <message>
      <source>The connection broke while reading the reply of {0}: {1}</source>
      <translation>La connexion a été rompue pendant la lecture de la réponse de {0} : {1}</translation>
    </message>
    <message>
      <source>HTTP {0} {1} from {2}: </source>
      <translation>HTTP {0} {1} de {2} : </translation>
    </message>
    <message>
      <source> Server said: {0}</source>
      <translation> Le serveur a dit : {0}</translation>
    </message>
    <message>
      <source>Could not reach {0}: {1} (the SOCKS proxy needs PySocks).</source>
      <translation>Impossible de joindre {0} : {1} (le mandataire SOCKS nécessite PySocks).</translation>
    </message>
    <message>
      <source>{0} sent a reply larger than {1:g} MiB (after decompression), more than such a reply can be: refused. Try again later; if it persists, check the URL.</source>
      <translation>{0} a envoyé une réponse de plus de {1:g} Mio (après décompression), plus qu'une telle réponse ne peut l'être : refusée. Réessayez plus tard; si cela persiste, vérifiez l'URL.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderJournal</name>
    <message>
      <source>The program stopped while this order was being sent, so it is unknown whether the provider received it. Check your e-mail for an order confirmation before ordering this scene again.</source>
      <translation>Le programme s'est arrêté pendant l'envoi de cette commande : on ne sait donc pas si le fournisseur l'a reçue. Vérifiez vos courriels (confirmation de commande) avant de commander cette scène de nouveau.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderModels</name>
    <message>
      <source>date</source>
      <translation>date</translation>
    </message>
    <message>
      <source>start date</source>
      <translation>date de début</translation>
    </message>
    <message>
      <source>end date</source>
      <translation>date de fin</translation>
    </message>
    <message>
      <source>sensing start</source>
      <translation>début d'acquisition</translation>
    </message>
    <message>
      <source>sensing end</source>
      <translation>fin d'acquisition</translation>
    </message>
    <message>
      <source>The search box has a missing or infinite coordinate.</source>
      <translation>Le rectangle de recherche a une coordonnée manquante ou infinie.</translation>
    </message>
    <message>
      <source>The search box is inverted (south &gt; north): draw or type the box again.</source>
      <translation>Le rectangle de recherche est inversé (sud &gt; nord) : dessinez ou saisissez-le de nouveau.</translation>
    </message>
    <message>
      <source>The maximum number of records must be at least 1.</source>
      <translation>Le nombre maximal d'enregistrements doit être d'au moins 1.</translation>
    </message>
    <message>
      <source>The search box longitudes ({0:g}, {1:g}) must lie between -180 and 180: set the box in WGS 84 degrees.</source>
      <translation>Les longitudes du rectangle de recherche ({0:g}, {1:g}) doivent être entre -180 et 180 : indiquez le rectangle en degrés WGS 84.</translation>
    </message>
    <message>
      <source>The search box latitudes ({0:g}, {1:g}) must lie between -90 and 90: set the box in WGS 84 degrees.</source>
      <translation>Les latitudes du rectangle de recherche ({0:g}, {1:g}) doivent être entre -90 et 90 : indiquez le rectangle en degrés WGS 84.</translation>
    </message>
    <message>
      <source>A box needs four numbers west,south,east,north; got {0!r}.</source>
      <translation>Un rectangle nécessite quatre nombres ouest,sud,est,nord; reçu {0!r}.</translation>
    </message>
    <message>
      <source>The {0} {1!r} is not an ISO date such as 2013-03-29 or 2013-03-29T12:00:00Z.</source>
      <translation>La {0} {1!r} n'est pas une date ISO comme 2013-03-29 ou 2013-03-29T12:00:00Z.</translation>
    </message>
    <message>
      <source>The start date {0} is not before the end date {1} (the end date is exclusive): swap or widen them.</source>
      <translation>La date de début {0} n'est pas antérieure à la date de fin {1} (la date de fin est exclue) : inversez-les ou élargissez-les.</translation>
    </message>
    <message>
      <source>A box needs four numbers; got {0!r}.</source>
      <translation>Un rectangle nécessite quatre nombres; reçu {0!r}.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderPlugin</name>
    <message>
      <source>Search imagery</source>
      <translation>Rechercher des images</translation>
    </message>
    <message>
      <source>Search imagery: open the EO Order dock</source>
      <translation>Rechercher des images : ouvrir le panneau EO Order</translation>
    </message>
  </context>
  <context>
    <name>EoOrderQueryLog</name>
    <message>
      <source>The query log {0} has no {1} column: it is not an EO Order / OData query log.</source>
      <translation>Le journal de requête {0} n'a pas de colonne {1} : ce n'est pas un journal de requête EO Order / OData.</translation>
    </message>
    <message>
      <source>The query log {0} is not UTF-8: {1}.</source>
      <translation>Le journal de requête {0} n'est pas en UTF-8 : {1}.</translation>
    </message>
    <message>
      <source>The query log time {0!r} is not in the form 2022-05-03T00:00:00.000.</source>
      <translation>L'heure du journal de requête {0!r} n'est pas de la forme 2022-05-03T00:00:00.000.</translation>
    </message>
    <message>
      <source>The query log {0} does not exist: run the search again or pick another log.</source>
      <translation>Le journal de requête {0} n'existe pas : relancez la recherche ou choisissez un autre journal.</translation>
    </message>
    <message>
      <source>Could not read the query log {0} ({1}): check its permissions.</source>
      <translation>Impossible de lire le journal de requête {0} ({1}) : vérifiez ses permissions.</translation>
    </message>
    <message>
      <source>Product {0} is not in the query log {1}: search again to refresh the log.</source>
      <translation>Le produit {0} n'est pas dans le journal de requête {1} : relancez la recherche pour rafraîchir le journal.</translation>
    </message>
    <message>
      <source>The query log {0} starts like {1} text but is not: save it again as UTF-8 in a text editor.</source>
      <translation>Le journal de requête {0} commence comme du texte {1} mais n'en est pas : enregistrez-le de nouveau en UTF-8 dans un éditeur de texte.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderQuicklook</name>
    <message>
      <source>the quicklook server</source>
      <translation>le serveur d'aperçus</translation>
    </message>
    <message>
      <source>The quicklook at {0} is not a PNG, JPEG, GIF or TIFF image{1}; the server sent: {2}</source>
      <translation>L'aperçu à {0} n'est pas une image PNG, JPEG, GIF ou TIFF{1}; le serveur a envoyé : {2}</translation>
    </message>
    <message>
      <source>The footprint is not a polygon, so the quicklook cannot be placed on the map.</source>
      <translation>L'empreinte n'est pas un polygone : l'aperçu ne peut donc pas être placé sur la carte.</translation>
    </message>
    <message>
      <source>The footprint has no area, so the quicklook cannot be placed on the map.</source>
      <translation>L'empreinte n'a pas de superficie : l'aperçu ne peut donc pas être placé sur la carte.</translation>
    </message>
    <message>
      <source>The quicklook at {0} is empty: the server sent no image. Try again later.</source>
      <translation>L'aperçu à {0} est vide : le serveur n'a envoyé aucune image. Réessayez plus tard.</translation>
    </message>
    <message>
      <source>The quicklook at {0} is an HTML page{1}, not an image. The server may be down for maintenance or the link may need a login: try again later.</source>
      <translation>L'aperçu à {0} est une page HTML{1}, pas une image. Le serveur est peut-être en maintenance ou le lien exige une connexion : réessayez plus tard.</translation>
    </message>
    <message>
      <source>GDAL gave no reason</source>
      <translation>GDAL n'a donné aucune raison</translation>
    </message>
    <message>
      <source>GDAL cannot read the quicklook image {0}</source>
      <translation>GDAL ne peut pas lire l'image d'aperçu {0}</translation>
    </message>
    <message>
      <source>The quicklook at {0} is larger than {1} MB: that is not a thumbnail, so it was not loaded.</source>
      <translation>L'aperçu à {0} dépasse {1} Mo : ce n'est pas une vignette, il n'a donc pas été chargé.</translation>
    </message>
    <message>
      <source>The quicklook at {0} cannot be read as an image (its header is damaged).</source>
      <translation>L'aperçu à {0} ne peut pas être lu comme une image (son en-tête est endommagé).</translation>
    </message>
    <message>
      <source>The quicklook at {0} is {1} × {2} pixels: far too large for a thumbnail (at most {3} megapixels), so it was not decoded.</source>
      <translation>L'aperçu à {0} fait {1} × {2} pixels : beaucoup trop grand pour une vignette (au plus {3} mégapixels); il n'a donc pas été décodé.</translation>
    </message>
    <message>
      <source>The quicklook at {0} cannot be read as an image ({1}).</source>
      <translation>L'aperçu à {0} ne peut pas être lu comme une image ({1}).</translation>
    </message>
    <message>
      <source>The quicklook at {0} cannot be decoded ({1}).</source>
      <translation>L'aperçu à {0} ne peut pas être décodé ({1}).</translation>
    </message>
    <message>
      <source>{0} ({1}).</source>
      <translation>{0} ({1}).</translation>
    </message>
    <message>
      <source>GDAL cannot tie the quicklook image {0} to its footprint</source>
      <translation>GDAL ne peut pas rattacher l'image d'aperçu {0} à son empreinte</translation>
    </message>
    <message>
      <source>{0} is not an EO Order footprint layer: choose a search result layer.</source>
      <translation>{0} n'est pas une couche d'empreintes EO Order : choisissez une couche de résultats de recherche.</translation>
    </message>
    <message>
      <source>This layer</source>
      <translation>Cette couche</translation>
    </message>
    <message>
      <source>The quicklook at {0} is not a PNG, JPEG, GIF or TIFF image.</source>
      <translation>L'aperçu à {0} n'est pas une image PNG, JPEG, GIF ou TIFF.</translation>
    </message>
    <message>
      <source>The quicklook of {0} could not be stored in {1} ({2}): check that the folder is writable.</source>
      <translation>L'aperçu de {0} n'a pas pu être enregistré dans {1} ({2}) : vérifiez que le dossier est accessible en écriture.</translation>
    </message>
    <message>
      <source> titled “{0}”</source>
      <translation> intitulée « {0} »</translation>
    </message>
    <message>
      <source>GDAL cannot warp the quicklook image {0} onto its footprint ({1}).</source>
      <translation>GDAL ne peut pas déformer l'image d'aperçu {0} sur son empreinte ({1}).</translation>
    </message>
    <message>
      <source>The quicklook could not be written to {0} ({1}): check that the folder is writable.</source>
      <translation>L'aperçu n'a pas pu être écrit dans {0} ({1}) : vérifiez que le dossier est accessible en écriture.</translation>
    </message>
    <message>
      <source>quicklooks of {0} scene(s)</source>
      <translation>aperçus de {0} scène(s)</translation>
    </message>
    <message>
      <source>{0}: unexpected {1} ({2}); details are in the EO Order log panel.</source>
      <translation>{0} : {1} inattendue ({2}); les détails sont dans le panneau de journal EO Order.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderSqlite</name>
    <message>
      <source>order journal</source>
      <translation>journal des commandes</translation>
    </message>
    <message>
      <source>search history</source>
      <translation>historique des recherches</translation>
    </message>
    <message>
      <source>The EO Order {0} {1} was damaged ({2}). It was moved aside to {3} and a new, empty {0} was started.</source>
      <translation>Le fichier EO Order « {0} » {1} était endommagé ({2}). Il a été mis de côté sous {3} et un nouveau fichier « {0} », vide, a été commencé.</translation>
    </message>
    <message>
      <source>The EO Order {0} {1} cannot be opened ({2}): this session keeps its {0} in memory only. Check the file and its folder (is another program using it?), then restart QGIS.</source>
      <translation>Le fichier EO Order « {0} » {1} ne peut pas être ouvert ({2}) : cette session garde « {0} » en mémoire seulement. Vérifiez le fichier et son dossier (un autre programme l'utilise-t-il?), puis redémarrez QGIS.</translation>
    </message>
    <message>
      <source>The EO Order {0} {1} is damaged ({2}) and could not be replaced ({3}): this session keeps its {0} in memory only. Move or delete the file, then restart QGIS.</source>
      <translation>Le fichier EO Order « {0} » {1} est endommagé ({2}) et n'a pas pu être remplacé ({3}) : cette session garde « {0} » en mémoire seulement. Déplacez ou supprimez le fichier, puis redémarrez QGIS.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderStac</name>
    <message>
      <source>The search box has a missing or infinite coordinate.</source>
      <translation>Le rectangle de recherche a une coordonnée manquante ou infinie.</translation>
    </message>
    <message>
      <source>The search box has no width.</source>
      <translation>Le rectangle de recherche n'a pas de largeur.</translation>
    </message>
    <message>
      <source>The search polygon is empty.</source>
      <translation>Le polygone de recherche est vide.</translation>
    </message>
    <message>
      <source>A STAC next link has a body that is not a JSON object.</source>
      <translation>Un lien next STAC a un corps qui n'est pas un objet JSON.</translation>
    </message>
    <message>
      <source>Give a search box or a search polygon, not both.</source>
      <translation>Indiquez un rectangle ou un polygone de recherche, pas les deux.</translation>
    </message>
    <message>
      <source>The maximum number of records must be at least 1.</source>
      <translation>Le nombre maximal d'enregistrements doit être d'au moins 1.</translation>
    </message>
    <message>
      <source>The search box must be four numbers: west, south, east, north.</source>
      <translation>Le rectangle de recherche doit être quatre nombres : ouest, sud, est, nord.</translation>
    </message>
    <message>
      <source>The search area must be a GeoJSON Polygon or MultiPolygon.</source>
      <translation>La zone de recherche doit être un Polygon ou un MultiPolygon GeoJSON.</translation>
    </message>
    <message>
      <source>The search polygon needs at least 3 distinct points with finite WGS 84 coordinates (longitude first).</source>
      <translation>Le polygone de recherche nécessite au moins 3 points distincts aux coordonnées WGS 84 finies (longitude d'abord).</translation>
    </message>
    <message>
      <source>{0} sent more than {1} MB in one reply ({2}); EO Order stopped reading it. Ask for fewer items per page.</source>
      <translation>{0} a envoyé plus de {1} Mo en une réponse ({2}); EO Order a cessé de la lire. Demandez moins d'items par page.</translation>
    </message>
    <message>
      <source>Cloud cover filtered by the server (CQL2 filter).</source>
      <translation>Couverture nuageuse filtrée par le serveur (filtre CQL2).</translation>
    </message>
    <message>
      <source>The checksum {0!r} is cut short.</source>
      <translation>La somme de contrôle {0!r} est tronquée.</translation>
    </message>
    <message>
      <source>The checksum {0!r} uses multihash code 0x{1:x}, which EO Order does not know (it checks MD5, SHA-1, SHA-256, SHA-512 and BLAKE3).</source>
      <translation>La somme de contrôle {0!r} utilise le code multihash 0x{1:x}, qu'EO Order ne connaît pas (il vérifie MD5, SHA-1, SHA-256, SHA-512 et BLAKE3).</translation>
    </message>
    <message>
      <source>The {0} checksum {1!r} has {2} digest bytes; {3} expected.</source>
      <translation>La somme de contrôle {0} {1!r} a {2} octets d'empreinte; {3} attendus.</translation>
    </message>
    <message>
      <source>The maximum cloud cover must be a number from 0 to 100.</source>
      <translation>La couverture nuageuse maximale doit être un nombre de 0 à 100.</translation>
    </message>
    <message>
      <source>The search box ({0:g}, {1:g}, {2:g}, {3:g}) is not a WGS 84 box: longitudes -180..180, latitudes -90..90 with south below north.</source>
      <translation>Le rectangle de recherche ({0:g}, {1:g}, {2:g}, {3:g}) n'est pas un rectangle WGS 84 : longitudes -180..180, latitudes -90..90, le sud sous le nord.</translation>
    </message>
    <message>
      <source>Cloud cover filtered by the server (query extension).</source>
      <translation>Couverture nuageuse filtrée par le serveur (extension query).</translation>
    </message>
    <message>
      <source>A STAC next link asks for method {0!r}; only GET and POST are used.</source>
      <translation>Un lien next STAC demande la méthode {0!r}; seules GET et POST sont utilisées.</translation>
    </message>
    <message>
      <source>This file's checksum is BLAKE3, which needs the Python package blake3 (not shipped with QGIS): only its size can be checked.</source>
      <translation>La somme de contrôle de ce fichier est en BLAKE3, qui nécessite le paquet Python blake3 (non fourni avec QGIS) : seule sa taille peut être vérifiée.</translation>
    </message>
    <message>
      <source>The checksum {0!r} is not a hexadecimal multihash.</source>
      <translation>La somme de contrôle {0!r} n'est pas un multihash hexadécimal.</translation>
    </message>
    <message>
      <source>The start date {0} is not before the end date {1} (the end date is exclusive): swap or widen them.</source>
      <translation>La date de début {0} n'est pas antérieure à la date de fin {1} (la date de fin est exclue) : inversez-les ou élargissez-les.</translation>
    </message>
    <message>
      <source>The connection broke while reading {0} ({1}). Try again.</source>
      <translation>La connexion a été rompue pendant la lecture de {0} ({1}). Réessayez.</translation>
    </message>
    <message>
      <source>{0!r} is not a STAC API URL: it needs http:// or https://.</source>
      <translation>{0!r} n'est pas une URL d'API STAC : elle doit commencer par http:// ou https://.</translation>
    </message>
    <message>
      <source>{0} gave the link {1!r}, which is not an http(s) URL.</source>
      <translation>{0} a donné le lien {1!r}, qui n'est pas une URL http(s).</translation>
    </message>
    <message>
      <source>{0} links to another server ({1}://{2}:{3}); EO Order does not send your credentials there, so the search stopped. Ask the provider to fix its links.</source>
      <translation>{0} renvoie vers un autre serveur ({1}://{2}:{3}); EO Order n'y envoie pas vos identifiants, la recherche s'est donc arrêtée. Demandez au fournisseur de corriger ses liens.</translation>
    </message>
    <message>
      <source>{0} sent JSON that is not an object for {1}.</source>
      <translation>{0} a envoyé du JSON qui n'est pas un objet pour {1}.</translation>
    </message>
    <message>
      <source>This STAC API cannot filter cloud cover: EO Order filtered the items it received.</source>
      <translation>Cette API STAC ne sait pas filtrer la couverture nuageuse : EO Order a filtré les items reçus.</translation>
    </message>
    <message>
      <source>{0} item(s) have no usable geometry (kept, not on the map).</source>
      <translation>{0} item(s) n'ont pas de géométrie utilisable (gardés, pas sur la carte).</translation>
    </message>
    <message>
      <source>Stopped at {0} items (Max records); the API has more.</source>
      <translation>Arrêt à {0} items (nombre maximal d'enregistrements); l'API en a d'autres.</translation>
    </message>
    <message>
      <source>{0}'s next link repeats a request already made ({1} {2}): its paging loops. Stopped after {3} pages; the items received are kept.</source>
      <translation>Le lien next de {0} répète une requête déjà faite ({1} {2}) : sa pagination tourne en rond. Arrêt après {3} pages; les items reçus sont gardés.</translation>
    </message>
    <message>
      <source>{0} sent a search page without 'features' ({1}).</source>
      <translation>{0} a envoyé une page de résultats sans « features » ({1}).</translation>
    </message>
    <message>
      <source>A page had {0} items; only the first {1} were read.</source>
      <translation>Une page avait {0} items; seuls les {1} premiers ont été lus.</translation>
    </message>
    <message>
      <source>{0}'s next page repeated only items already received: its paging does not advance. Stopped after {1} pages; the items received are kept.</source>
      <translation>La page suivante de {0} ne contenait que des items déjà reçus : sa pagination n'avance pas. Arrêt après {1} pages; les items reçus sont gardés.</translation>
    </message>
    <message>
      <source>{0} redirected {1} too often or without a Location.</source>
      <translation>{0} a redirigé {1} trop souvent ou sans en-tête Location.</translation>
    </message>
    <message>
      <source>{0} sent a reply that is not valid JSON ({1} bytes{2}) for {3}. Check the URL; it should be the STAC API's landing page.</source>
      <translation>{0} a envoyé une réponse qui n'est pas du JSON valide ({1} octets{2}) pour {3}. Vérifiez l'URL; ce doit être la page d'accueil de l'API STAC.</translation>
    </message>
    <message>
      <source>, possibly cut short</source>
      <translation>, peut-être tronquée</translation>
    </message>
    <message>
      <source>, empty</source>
      <translation>, vide</translation>
    </message>
    <message>
      <source>{0} at {1} has no links: it is not a STAC API landing page.</source>
      <translation>{0} à {1} n'a pas de liens : ce n'est pas la page d'accueil d'une API STAC.</translation>
    </message>
    <message>
      <source>{0}'s collections list links back to a page already read ({1}).</source>
      <translation>La liste des collections de {0} renvoie à une page déjà lue ({1}).</translation>
    </message>
    <message>
      <source>{0} sent no 'collections' list at {1}.</source>
      <translation>{0} n'a envoyé aucune liste « collections » à {1}.</translation>
    </message>
    <message>
      <source>The cloud cover was checked by EO Order on {0} items (this API cannot filter it); stopped there: narrow the search for more.</source>
      <translation>La couverture nuageuse a été vérifiée par EO Order sur {0} items (cette API ne sait pas la filtrer); arrêt à ce point : resserrez la recherche pour en avoir plus.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderStacDownload</name>
    <message>
      <source>The asset server</source>
      <translation>Le serveur des ressources</translation>
    </message>
    <message>
      <source>the STAC API's provider</source>
      <translation>l'organisme qui fournit l'API STAC</translation>
    </message>
    <message>
      <source>The Planetary Computer signing service</source>
      <translation>Le service de signature de Planetary Computer</translation>
    </message>
    <message>
      <source>Choose the assets to download: asset keys (such as B04, visual) or roles (data, metadata, thumbnail, overview).</source>
      <translation>Choisissez les ressources à télécharger : des clés de ressource (comme B04, visual) ou des rôles (data, metadata, thumbnail, overview).</translation>
    </message>
    <message>
      <source> (its BLAKE3 checksum cannot be checked without the Python package blake3: only its size was checked)</source>
      <translation> (sa somme de contrôle BLAKE3 ne peut pas être vérifiée sans le paquet Python blake3 : seule sa taille a été vérifiée)</translation>
    </message>
    <message>
      <source>This asset needs a Planetary Computer signature, but its item names no collection: search again.</source>
      <translation>Cette ressource demande une signature Planetary Computer, mais son item ne nomme aucune collection : cherchez de nouveau.</translation>
    </message>
    <message>
      <source>None of the {0} item(s) has an asset with the key or role {1}. Their asset keys: {2}; roles: {3}.</source>
      <translation>Aucun des {0} item(s) n'a de ressource avec la clé ou le rôle {1}. Leurs clés de ressource : {2} ; rôles : {3}.</translation>
    </message>
    <message>
      <source> (its href {0} cannot be downloaded by EO Order, so its alternate '{1}' href was used)</source>
      <translation> (son href {0} ne peut pas être téléchargé par EO Order, son href alternatif « {1} » a donc été utilisé)</translation>
    </message>
    <message>
      <source> (its file:checksum was ignored: {0})</source>
      <translation> (son file:checksum a été ignoré : {0})</translation>
    </message>
    <message>
      <source>{0} answered without a token for collection {1!r}: try again later.</source>
      <translation>{0} a répondu sans jeton pour la collection {1!r} : réessayez plus tard.</translation>
    </message>
    <message>
      <source>Could not read the STAC download log {0} ({1}).</source>
      <translation>Impossible de lire le journal de téléchargement STAC {0} ({1}).</translation>
    </message>
    <message>
      <source>{0} sent no STAC item at {1}: search again.</source>
      <translation>{0} n'a envoyé aucun item STAC à {1} : cherchez de nouveau.</translation>
    </message>
    <message>
      <source>{0}: its href {1} is not an http(s) URL (s3:// and the like cannot be downloaded by EO Order yet) and the asset has no alternate https href: download it with the provider's tools.</source>
      <translation>{0} : son href {1} n'est pas une URL http(s) (EO Order ne sait pas encore télécharger s3:// et les autres) et la ressource n'a pas de href https alternatif : téléchargez-la avec les outils du fournisseur.</translation>
    </message>
    <message>
      <source>{0} is not a STAC download log (no {1} column): choose the log a STAC download wrote.</source>
      <translation>{0} n'est pas un journal de téléchargement STAC (pas de colonne {1}) : choisissez le journal écrit par un téléchargement STAC.</translation>
    </message>
    <message>
      <source>{0} sent more than {1} kB for one token.</source>
      <translation>{0} a envoyé plus de {1} ko pour un seul jeton.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderStacFootprints</name>
    <message>
      <source>QGIS refused the STAC footprints (memory layer).</source>
      <translation>QGIS a refusé les emprises STAC (couche en mémoire).</translation>
    </message>
  </context>
  <context>
    <name>EoOrderTasks</name>
    <message>
      <source>{0} of {1} products on disk</source>
      <translation>{0} produits sur {1} sur le disque</translation>
    </message>
    <message>
      <source>EO Order: search {0}</source>
      <translation>EO Order : recherche dans {0}</translation>
    </message>
    <message>
      <source>{0:,} of {1:,} {2}</source>
      <translation>{0:,} {2} sur {1:,}</translation>
    </message>
    <message>
      <source>{0:,} {1}</source>
      <translation>{0:,} {1}</translation>
    </message>
    <message>
      <source>EO Order: download {0} Copernicus product(s)</source>
      <translation>EO Order : téléchargement de {0} produit(s) Copernicus</translation>
    </message>
    <message>
      <source>, {0} without a footprint</source>
      <translation>, {0} sans emprise</translation>
    </message>
    <message>
      <source>{0} failed unexpectedly ({1}: {2}). Details are in the EO Order log panel.</source>
      <translation>{0} a échoué de façon inattendue ({1} : {2}). Les détails sont dans le panneau de journal EO Order.</translation>
    </message>
    <message>
      <source>EO Order could not finish {0!r}:
{1}</source>
      <translation>EO Order n'a pas pu terminer {0!r} :
{1}</translation>
    </message>
    <message>
      <source>EO Order hit an internal error while finishing {0!r} ({1}). The details are in the message log (EO Order tab): please report them.</source>
      <translation>EO Order a rencontré une erreur interne en terminant {0!r} ({1}). Les détails sont dans le journal des messages (onglet EO Order) : veuillez les signaler.</translation>
    </message>
    <message>
      <source>, {0} matched on the server.</source>
      <translation>, {0} trouvés sur le serveur.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderWcs</name>
    <message>
      <source>request CRSs</source>
      <translation>SCR de requête</translation>
    </message>
    <message>
      <source>the WCS server</source>
      <translation>le serveur WCS</translation>
    </message>
    <message>
      <source>The request for coverage {0!r}</source>
      <translation>La requête de la couverture {0!r}</translation>
    </message>
    <message>
      <source>Choose a coverage: the GetCoverage request names none.</source>
      <translation>Choisissez une couverture : la requête GetCoverage n'en nomme aucune.</translation>
    </message>
    <message>
      <source>response CRSs</source>
      <translation>SCR de réponse</translation>
    </message>
    <message>
      <source>interpolation methods</source>
      <translation>méthodes d'interpolation</translation>
    </message>
    <message>
      <source>WCS server</source>
      <translation>serveur WCS</translation>
    </message>
    <message>
      <source>{0} bytes</source>
      <translation>{0} octets</translation>
    </message>
    <message>
      <source>CRS {0!r}</source>
      <translation>le SCR {0!r}</translation>
    </message>
    <message>
      <source>Coverage {0!r} does not accept {1}; its {2} are: {3}.</source>
      <translation>La couverture {0!r} n'accepte pas {1}; ses {2} sont : {3}.</translation>
    </message>
    <message>
      <source>Enter the URL of the WCS server.</source>
      <translation>Saisissez l'URL du serveur WCS.</translation>
    </message>
    <message>
      <source>Choose a coverage to describe.</source>
      <translation>Choisissez une couverture à décrire.</translation>
    </message>
    <message>
      <source>{0} has no CRS: choose one of the coverage's request CRSs.</source>
      <translation>{0} n'a pas de SCR : choisissez l'un des SCR de requête de la couverture.</translation>
    </message>
    <message>
      <source>{0} has no output format: choose one of the coverage's formats.</source>
      <translation>{0} n'a pas de format de sortie : choisissez l'un des formats de la couverture.</translation>
    </message>
    <message>
      <source>{0} needs a bounding box or a time.</source>
      <translation>{0} nécessite un rectangle englobant ou une date.</translation>
    </message>
    <message>
      <source>{0} gives both a size (width/height) and a resolution (resx/resy): give one.</source>
      <translation>{0} donne à la fois une taille (largeur/hauteur) et une résolution (resx/resy) : n'en donnez qu'une.</translation>
    </message>
    <message>
      <source>response CRS {0!r}</source>
      <translation>le SCR de réponse {0!r}</translation>
    </message>
    <message>
      <source>Coverage {0!r} is not offered as {1!r}; choose one of: {2}.</source>
      <translation>La couverture {0!r} n'est pas offerte en {1!r}; choisissez l'un de ceux-ci : {2}.</translation>
    </message>
    <message>
      <source>interpolation {0!r}</source>
      <translation>l'interpolation {0!r}</translation>
    </message>
    <message>
      <source>Coverage {0!r} has no time positions or periods: leave the time empty.</source>
      <translation>La couverture {0!r} n'a ni positions ni périodes temporelles : laissez la date vide.</translation>
    </message>
    <message>
      <source> … and {0} more</source>
      <translation> … et {0} autres</translation>
    </message>
    <message>
      <source>Coverage {0!r} is not offered at time {1}; offered: {2}{3}.</source>
      <translation>La couverture {0!r} n'est pas offerte à la date {1}; dates offertes : {2}{3}.</translation>
    </message>
    <message>
      <source>The bounding box needs four finite numbers minx,miny,maxx,maxy in {0}; got {1!r}.</source>
      <translation>Le rectangle englobant nécessite quatre nombres finis minx,miny,maxx,maxy en {0}; reçu {1!r}.</translation>
    </message>
    <message>
      <source>The bounding box {0:g},{1:g},{2:g},{3:g} is inverted or empty (it must be minx,miny,maxx,maxy in {4}, with min &lt; max): draw or type it again.</source>
      <translation>Le rectangle englobant {0:g},{1:g},{2:g},{3:g} est inversé ou vide (il doit être minx,miny,maxx,maxy en {4}, avec min &lt; max) : dessinez-le ou saisissez-le de nouveau.</translation>
    </message>
    <message>
      <source> version {0}</source>
      <translation> version {0}</translation>
    </message>
    <message>
      <source>{0} answered with &lt;{1}&gt;{2} instead of WCS 1.0.0 capabilities: check that the URL is a WCS endpoint that supports version 1.0.0.</source>
      <translation>{0} a répondu par &lt;{1}&gt;{2} au lieu des capacités WCS 1.0.0 : vérifiez que l'URL est celle d'un service WCS qui prend en charge la version 1.0.0.</translation>
    </message>
    <message>
      <source>{0} answered WCS {1} capabilities to a request for version {2}: it does not support WCS 1.0.0.</source>
      <translation>{0} a répondu par des capacités WCS {1} à une requête en version {2} : il ne prend pas en charge WCS 1.0.0.</translation>
    </message>
    <message>
      <source>{0} answered DescribeCoverage with &lt;{1}&gt; instead of a WCS 1.0.0 CoverageDescription.</source>
      <translation>{0} a répondu à DescribeCoverage par &lt;{1}&gt; au lieu d'un CoverageDescription WCS 1.0.0.</translation>
    </message>
    <message>
      <source>{0} did not describe coverage {1!r} in its DescribeCoverage reply.</source>
      <translation>{0} n'a pas décrit la couverture {1!r} dans sa réponse DescribeCoverage.</translation>
    </message>
    <message>
      <source>{0}'s description of {1!r}</source>
      <translation>la description de {1!r} par {0}</translation>
    </message>
    <message>
      <source> Nothing was saved.</source>
      <translation> Rien n'a été enregistré.</translation>
    </message>
    <message>
      <source>The range subset {0!r} is not of the form axis=value1,value2 (several axes separated by ';').</source>
      <translation>Le sous-ensemble {0!r} n'est pas de la forme axe=valeur1,valeur2 (plusieurs axes séparés par « ; »).</translation>
    </message>
    <message>
      <source>{0} needs an output size (width and height) or a resolution (resx and resy).</source>
      <translation>{0} nécessite une taille de sortie (largeur et hauteur) ou une résolution (resx et resy).</translation>
    </message>
    <message>
      <source>Coverage {0!r} has no range axis {1!r}; its axes are: {2}.</source>
      <translation>La couverture {0!r} n'a pas d'axe {1!r}; ses axes sont : {2}.</translation>
    </message>
    <message>
      <source>{0!r} is not a valid WCS URL: it needs http:// or https://.</source>
      <translation>{0!r} n'est pas une URL WCS valide : elle doit commencer par http:// ou https://.</translation>
    </message>
    <message>
      <source>{0}'s capabilities</source>
      <translation>les capacités de {0}</translation>
    </message>
    <message>
      <source>{0} announced a coverage of {1}, more than the {2} limit; nothing was saved. Ask for a smaller extent or a coarser resolution, or raise the limit.</source>
      <translation>{0} a annoncé une couverture de {1}, plus que la limite de {2}; rien n'a été enregistré. Demandez une emprise plus petite ou une résolution plus grossière, ou augmentez la limite.</translation>
    </message>
    <message>
      <source>{0} sent {1} of {2} bytes of the coverage before the connection closed; nothing was saved. Try again.</source>
      <translation>{0} a envoyé {1} des {2} octets de la couverture avant la fermeture de la connexion; rien n'a été enregistré. Réessayez.</translation>
    </message>
    <message>
      <source>{0} sent an empty reply instead of the coverage; nothing was saved.</source>
      <translation>{0} a envoyé une réponse vide au lieu de la couverture; rien n'a été enregistré.</translation>
    </message>
    <message>
      <source>{0} sent a {1} that is not a GeoTIFF although {2} was requested; nothing was saved.</source>
      <translation>{0} a envoyé un contenu {1} qui n'est pas un GeoTIFF alors que {2} était demandé; rien n'a été enregistré.</translation>
    </message>
    <message>
      <source>reply</source>
      <translation>de réponse</translation>
    </message>
    <message>
      <source>the {0} coverage</source>
      <translation>la couverture {0}</translation>
    </message>
    <message>
      <source>{0} sent {1} instead of the {2} coverage; nothing was saved.</source>
      <translation>{0} a envoyé {1} au lieu de la couverture {2}; rien n'a été enregistré.</translation>
    </message>
    <message>
      <source>an unlabelled reply</source>
      <translation>une réponse sans type</translation>
    </message>
    <message>
      <source>The connection broke while reading {0} ({1}). Try again.</source>
      <translation>La connexion a été rompue pendant la lecture de {0} ({1}). Réessayez.</translation>
    </message>
    <message>
      <source>{0} needs a whole {1} of at least 1 pixel; got {2!r}.</source>
      <translation>{0} nécessite une valeur {1} entière d'au moins 1 pixel; reçu {2!r}.</translation>
    </message>
    <message>
      <source>Coverage {0!r} has no {1} value(s) {2}; offered: {3}.</source>
      <translation>La couverture {0!r} n'a pas de valeur(s) {1} {2}; valeurs offertes : {3}.</translation>
    </message>
    <message>
      <source>{0} sent {1} instead of the {2} coverage that was requested; nothing was saved. Choose another format or ask the server's administrator.</source>
      <translation>{0} a envoyé {1} au lieu de la couverture {2} demandée; rien n'a été enregistré. Choisissez un autre format ou adressez-vous à l'administrateur du serveur.</translation>
    </message>
    <message>
      <source>The connection to {0} broke after {1} bytes of the coverage ({2}); nothing was saved. Try again.</source>
      <translation>La connexion à {0} a été rompue après {1} octets de la couverture ({2}); rien n'a été enregistré. Réessayez.</translation>
    </message>
    <message>
      <source>Could not write the coverage to {0!r} ({1}): check that the folder is writable and has free space.</source>
      <translation>Impossible d'écrire la couverture dans {0!r} ({1}) : vérifiez que le dossier est accessible en écriture et a de l'espace libre.</translation>
    </message>
    <message>
      <source>{0} sent an XML document &lt;{1}&gt; instead of the {2} coverage; nothing was saved.</source>
      <translation>{0} a envoyé un document XML &lt;{1}&gt; au lieu de la couverture {2}; rien n'a été enregistré.</translation>
    </message>
    <message>
      <source> It said: {0}</source>
      <translation> Il a dit : {0}</translation>
    </message>
    <message>
      <source>{0} is larger than {1} once decompressed; EO Order stopped reading it. Check the URL, or ask the server's administrator.</source>
      <translation>{0} dépasse {1} une fois décompressé; EO Order a cessé de le lire. Vérifiez l'URL, ou adressez-vous à l'administrateur du serveur.</translation>
    </message>
    <message>
      <source>{0} needs a positive {1} (in CRS units per pixel); got {2!r}.</source>
      <translation>{0} nécessite une valeur {1} positive (en unités du SCR par pixel); reçu {2!r}.</translation>
    </message>
    <message>
      <source>Could not save the coverage as {0!r} ({1}): choose another file name or folder.</source>
      <translation>Impossible d'enregistrer la couverture sous {0!r} ({1}) : choisissez un autre nom de fichier ou dossier.</translation>
    </message>
    <message>
      <source>{0} sent more than the {1} limit for the coverage; nothing was saved. Ask for a smaller extent or a coarser resolution, or raise the limit.</source>
      <translation>{0} a envoyé plus que la limite de {1} pour la couverture; rien n'a été enregistré. Demandez une emprise plus petite ou une résolution plus grossière, ou augmentez la limite.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderWcsChoices</name>
    <message>
      <source>The map view is outside the area where its CRS is valid: zoom to coverage {0!r}.</source>
      <translation>La vue de la carte est hors de la zone où son SCR est valide : zoomez sur la couverture {0!r}.</translation>
    </message>
    <message>
      <source>The map view does not overlap coverage {0!r} (lon/lat W, S, E, N: {1}): pan or zoom the map to it, use the coverage's extent, or type a box.</source>
      <translation>La vue de la carte ne recoupe pas la couverture {0!r} (lon/lat O, S, E, N : {1}) : déplacez ou zoomez la carte sur elle, utilisez l'emprise de la couverture, ou saisissez un rectangle.</translation>
    </message>
  </context>
  <context>
    <name>EoOrderXml</name>
    <message>
      <source>the server</source>
      <translation>le serveur</translation>
    </message>
    <message>
      <source>XML</source>
      <translation>du XML</translation>
    </message>
    <message>
      <source>{0} returned an HTML page{1} instead of {2}. The service may be down for maintenance or the URL may point to a web page: check the URL and try later.</source>
      <translation>{0} a renvoyé une page HTML{1} au lieu de {2}. Le service est peut-être en maintenance ou l'URL pointe vers une page Web : vérifiez l'URL et réessayez plus tard.</translation>
    </message>
    <message>
      <source>no exception text</source>
      <translation>aucun texte d'exception</translation>
    </message>
    <message>
      <source> titled "{0}"</source>
      <translation> intitulée « {0} »</translation>
    </message>
    <message>
      <source>{0} answered with a {1}</source>
      <translation>{0} a répondu par une {1}</translation>
    </message>
    <message>
      <source>{0} sent an empty XML document.</source>
      <translation>{0} a envoyé un document XML vide.</translation>
    </message>
    <message>
      <source>{0} reported an error{1}: {2}</source>
      <translation>{0} a signalé une erreur{1} : {2}</translation>
    </message>
    <message>
      <source>SOAP fault {0}: {1}</source>
      <translation>erreur SOAP {0} : {1}</translation>
    </message>
    <message>
      <source>(no code)</source>
      <translation>(sans code)</translation>
    </message>
    <message>
      <source>no reason given</source>
      <translation>aucune raison donnée</translation>
    </message>
    <message>
      <source>{0} sent malformed XML ({1}).</source>
      <translation>{0} a envoyé du XML mal formé ({1}).</translation>
    </message>
    <message>
      <source> (code {0}, locator {1})</source>
      <translation> (code {0}, localisateur {1})</translation>
    </message>
    <message>
      <source> (code {0})</source>
      <translation> (code {0})</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>GeoPackage</source>
      <translation>GeoPackage</translation>
    </message>
    <message>
      <source>GeoJSON</source>
      <translation>GeoJSON</translation>
    </message>
    <message>
      <source>KML (Google Earth)</source>
      <translation>KML (Google Earth)</translation>
    </message>
    <message>
      <source>CSV with WKT geometry</source>
      <translation>CSV avec géométrie WKT</translation>
    </message>
    <message>
      <source>ESRI Shapefile</source>
      <translation>ESRI Shapefile</translation>
    </message>
    <message>
      <source>File format. GeoPackage keeps every field and type as they are; Shapefile shortens field names to 10 characters; KML and CSV write dates as ISO text; all are written in WGS 84 (EPSG:4326).</source>
      <translation>Format de fichier. GeoPackage conserve tous les champs et leurs types tels quels; Shapefile raccourcit les noms de champs à 10 caractères; KML et CSV écrivent les dates en texte ISO; tous sont écrits en WGS 84 (EPSG:4326).</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>Format</translation>
    </message>
    <message>
      <source>Export footprints to</source>
      <translation>Exporter les empreintes vers</translation>
    </message>
    <message>
      <source>The file to write. An existing file of that name is replaced once the export has succeeded; the extension follows the format.</source>
      <translation>Le fichier à écrire. Un fichier existant portant ce nom est remplacé une fois l'exportation réussie; l'extension suit le format.</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Fichier</translation>
    </message>
    <message>
      <source>Export only the footprints selected on the map or in the table (available when some are selected)</source>
      <translation>N'exporter que les empreintes sélectionnées sur la carte ou dans la table (offert lorsque certaines sont sélectionnées)</translation>
    </message>
    <message>
      <source>How this format stores the layer's fields</source>
      <translation>Façon dont ce format conserve les champs de la couche</translation>
    </message>
    <message>
      <source>Why the last export failed</source>
      <translation>Raison de l'échec de la dernière exportation</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Exporter</translation>
    </message>
    <message>
      <source>Write the file</source>
      <translation>Écrire le fichier</translation>
    </message>
    <message>
      <source>Close without exporting</source>
      <translation>Fermer sans exporter</translation>
    </message>
    <message>
      <source>Dates are written as ISO text; the name or title of each footprint becomes its placemark name.</source>
      <translation>Les dates sont écrites en texte ISO; le nom ou le titre de chaque empreinte devient le nom de son repère (placemark).</translation>
    </message>
    <message>
      <source>Geometries go to a WKT column; dates are written as ISO text.</source>
      <translation>Les géométries vont dans une colonne WKT; les dates sont écrites en texte ISO.</translation>
    </message>
    <message>
      <source>Choose a footprint layer to export.</source>
      <translation>Choisissez une couche d'empreintes à exporter.</translation>
    </message>
    <message>
      <source>Exported {0} footprint(s) to {1}.</source>
      <translation>{0} empreinte(s) exportée(s) vers {1}.</translation>
    </message>
    <message>
      <source>Show folder</source>
      <translation>Afficher le dossier</translation>
    </message>
    <message>
      <source>Export footprints — {0}</source>
      <translation>Exporter les empreintes — {0}</translation>
    </message>
    <message>
      <source>Shapefile field names have at most 10 characters: {0}.</source>
      <translation>Les noms de champs Shapefile ont au plus 10 caractères : {0}.</translation>
    </message>
    <message>
      <source>Selected features only ({0})</source>
      <translation>Entités sélectionnées uniquement ({0})</translation>
    </message>
    <message>
      <source>The layer no longer exists: close this dialog.</source>
      <translation>La couche n'existe plus : fermez cette boîte de dialogue.</translation>
    </message>
  </context>
  <context>
    <name>Footprints</name>
    <message>
      <source>Downloaded</source>
      <translation>Téléchargé</translation>
    </message>
    <message>
      <source>Offline (long-term archive)</source>
      <translation>Hors ligne (archive à long terme)</translation>
    </message>
    <message>
      <source>Not downloaded</source>
      <translation>Non téléchargé</translation>
    </message>
    <message>
      <source>Ordered</source>
      <translation>Commandée</translation>
    </message>
    <message>
      <source>Not ordered</source>
      <translation>Non commandée</translation>
    </message>
    <message>
      <source>Could not add footprints to layer {0!r}: {1}</source>
      <translation>Impossible d'ajouter les emprises à la couche {0!r} : {1}</translation>
    </message>
    <message>
      <source>{0} scene</source>
      <translation>{0} scène</translation>
    </message>
    <message>
      <source>{0} scenes</source>
      <translation>{0} scènes</translation>
    </message>
    <message>
      <source>≤ {0:g} % cloud</source>
      <translation>≤ {0:g} % de nuages</translation>
    </message>
    <message>
      <source>{0} product</source>
      <translation>{0} produit</translation>
    </message>
    <message>
      <source>{0} products</source>
      <translation>{0} produits</translation>
    </message>
    <message>
      <source>before {0}</source>
      <translation>avant le {0}</translation>
    </message>
    <message>
      <source>from {0}</source>
      <translation>à partir du {0}</translation>
    </message>
  </context>
  <context>
    <name>HelpDialog</name>
    <message>
      <source>EO Order help – {0}</source>
      <translation>Aide d'EO Order – {0}</translation>
    </message>
    <message>
      <source>No help found for “{0}”: see README.md in the plugin folder.</source>
      <translation>Aucune aide trouvée pour « {0} » : consultez README.md dans le dossier de l'extension.</translation>
    </message>
  </context>
  <context>
    <name>HelpText</name>
    <message>
      <source>### Order from EODMS</source>
      <translation>### Commander auprès d'EODMS</translation>
    </message>
    <message>
      <source>Right-click a footprint on the map (**Order this scene: 2013-03-28 · Radarsat2 SCNB · 7854123**,
**Order N selected scenes**), right-click rows of the results table, or press **Order selected**.
The map's right-click lists *every* footprint under the click, the topmost layer and the newest
scene first, each labelled with its date, collection and beam, and id; past ten footprints each
action becomes a sub-menu (**Order one of 14 scenes here ›**) listing them all. Copernicus products
are listed the same way, by sensing date and product name. A dialog lists the scenes, the packaging
formats EODMS offers for them (read with DescribeCoverage; ZIP/TAR/TARGZ, or *Server default*: no
packaging format is sent and EODMS packages the scene its own way) and the auth config with your
EODMS username/password (create one from the dialog). A scene whose DescribeCoverage offers no
packaging choice is ordered with the server's default whatever format is picked. The order task sends, per scene,
DescribeCoverage then GetCoverage with CoverageId `&lt;collection&gt;--&lt;record id&gt;`. A 401 stops the batch;
a scene EODMS refuses is marked failed and the batch goes on. EODMS e-mails you the download links.
Credentials EODMS refuses while the dialog asks for the packaging formats keep **Order** greyed
("… Order is off until you choose other credentials or edit these.") until another auth config
is picked or that one is edited. Errors name the auth config by the name you gave it
("auth config 'My EODMS account'"), never by its internal id.</source>
      <translation>Cliquez avec le bouton droit sur une empreinte de la carte (**Commander cette scène : 2013-03-28 ·
Radarsat2 SCNB · 7854123**, **Commander les N scènes sélectionnées**), cliquez avec le bouton droit
sur des lignes du tableau de résultats ou appuyez sur **Commander la sélection**. Le menu contextuel
de la carte liste *toutes* les empreintes sous le clic, la couche du dessus et la scène la plus
récente en premier, chacune avec sa date, sa collection et son mode de faisceau, et son identifiant;
au-delà de dix empreintes, chaque action devient un sous-menu (**Commander l'une des 14 scènes ici ›**)
qui les liste toutes. Les produits Copernicus sont listés de la même façon, par date d'acquisition et
nom de produit. Une boîte de dialogue liste les scènes, les formats d'empaquetage qu'EODMS offre pour
elles (lus par DescribeCoverage; ZIP/TAR/TARGZ, ou *Valeur par défaut du serveur* : aucun format
n'est envoyé et EODMS empaquette la scène à sa façon) et la configuration d'authentification contenant
votre nom d'utilisateur et votre mot de passe EODMS (créez-la depuis la boîte de dialogue). Une scène
dont le DescribeCoverage n'offre aucun choix d'empaquetage est commandée avec le format par défaut du
serveur, quel que soit le format choisi. La tâche de commande envoie, pour chaque scène,
DescribeCoverage puis GetCoverage avec le CoverageId `&lt;collection&gt;--&lt;record id&gt;`. Un 401 arrête le
lot; une scène refusée par EODMS est marquée en échec et le lot continue. EODMS vous envoie les liens
de téléchargement par courriel. Des identifiants refusés par EODMS pendant que la boîte de dialogue
demande les formats d'empaquetage laissent **Commander** grisé (« … La commande est désactivée
tant que vous n'avez pas choisi d'autres identifiants ou modifié ceux-ci. ») jusqu'à ce qu'une autre
configuration soit choisie ou que celle-ci soit modifiée. Les erreurs nomment la configuration
d'authentification par le nom que vous lui avez donné (« auth config 'Mon compte EODMS' »),
jamais par son identifiant interne.</translation>
    </message>
    <message>
      <source>**One ending per batch.** When the batch ends, one message says how it went: green when EODMS
accepted every order, orange when some failed (which, and why), red when none was accepted — and a
401 says which scenes were never sent: "Order failed: EODMS rejected the username/password in auth
config 'My EODMS account' (HTTP 401). … Not tried: 1508208, 1508209; order them again once this is
fixed." QGIS' task list says the same (the task's description ends with that sentence), and a
batch with nothing accepted is a *failed* task there, not "complete".</source>
      <translation>**Une seule conclusion par lot.** À la fin du lot, un seul message dit comment il s'est passé :
vert quand EODMS a accepté toutes les commandes, orange quand certaines ont échoué (lesquelles, et
pourquoi), rouge quand aucune n'a été acceptée — et un 401 dit quelles scènes n'ont jamais été
envoyées : « Échec de la commande : EODMS rejected the username/password in auth config
'Mon compte EODMS' (HTTP 401). … Non tentées : 1508208, 1508209; commandez-les de nouveau une fois
le problème réglé. » La liste des tâches de QGIS dit la même chose (la description de la tâche se
termine par cette phrase), et un lot sans aucune commande acceptée y est une tâche *en échec*, non
« terminée ».</translation>
    </message>
    <message>
      <source>Every attempt is written to the **order journal** (`&lt;QGIS profile&gt;/eo_order/orders.sqlite`) before
and after its request, so a crash loses nothing (a request that was in flight shows as
*interrupted*: check your e-mail before ordering it again). The **Orders** tab lists the journal;
ordering a scene already submitted asks first; ordered footprints are filled green. A damaged
journal (or search history) file is moved aside as `orders.sqlite.corrupt-&lt;UTC time&gt;` and a new,
empty one started; the dock (and `eo_order:order_eodms`, as a warning) says so once. The Orders
tab shows, per attempt, the time, the scene (its collection and packaging in the tooltip), the
**EODMS order** id read from EODMS' reply (an `OrderId` element or attribute in any namespace; empty
when the reply has none), the status and the message; double-click a row for the whole reply.</source>
      <translation>Chaque tentative est écrite dans le **journal des commandes** (`&lt;profil QGIS&gt;/eo_order/orders.sqlite`)
avant et après sa requête, de sorte qu'un plantage ne fait rien perdre (une requête en cours
apparaît comme *interrompue* : vérifiez vos courriels avant de commander de nouveau la scène).
L'onglet **Commandes** liste le journal; commander une scène déjà soumise demande d'abord
confirmation; les empreintes commandées sont remplies en vert. Un journal (ou un historique de
recherche) endommagé est mis de côté sous le nom `orders.sqlite.corrupt-&lt;heure UTC&gt;` et un nouveau
journal vide est commencé; le panneau (et `eo_order:order_eodms`, sous forme d'avertissement) le
signale une fois. L'onglet Commandes montre, pour chaque tentative, l'heure, la scène (sa collection
et son empaquetage dans l'infobulle), le numéro de **commande EODMS** lu dans la réponse d'EODMS (un
élément ou un attribut `OrderId` dans tout espace de noms; vide si la réponse n'en contient pas),
l'état et le message; double-cliquez sur une ligne pour voir la réponse complète.</translation>
    </message>
    <message>
      <source>#### Copernicus Data Space</source>
      <translation type="unfinished"></translation>
    </message>
    <message>
      <source>1. On the **Search** tab pick *Copernicus Data Space*, then the **collection** (SENTINEL-1/2/3/5P, LANDSAT-8, …), the
   **sensing** start (inclusive) and end (exclusive, UTC), an optional **max cloud** cover and
   **max records**. The dates start as the last 30 days; when they find nothing the status line
   says so and suggests an earlier period (new products can take days to reach the catalogue). The area is the map canvas box (*Search area*), or tick *Search in the selected
   polygon of the active layer* (any CRS; several selected polygons are merged into one outline,
   holes are dropped, large outlines simplified to fit the URL).
2. **Search** (no login needed). The products arrive as one layer of their real footprints (fields
   `product_id, name, collection, sensing_start, sensing_end, cloud_cover, online, size_bytes,
   checksum_md5, downloaded, quicklook_url`) and a table (newest first; *Online* and *Downloaded*
   come before the long product name, so an offline product is seen before it is downloaded);
   selecting one shows its quicklook. Result
   sets beyond the catalogue's 10,000-record paging limit are split into time windows, so every
   product comes exactly once.
3. The **query log** is written into the download folder, named
   `OData_&lt;start&gt;_&lt;stop&gt;_query_&lt;time&gt;.log` as by the original `OData_query` script: a `# key: value`
   header with the query, then a CSV table `Id,Name,Checksum,Online,Downloaded`
   (`pandas.read_csv(path, comment="#")` reads it). `eo_order:download_cdse` and your own scripts
   can take it as input.
4. In the *Download* box pick the **folder**; the **account** (the tab's *Account* row, shown for
   Copernicus) (a Basic auth config with your Copernicus Data Space
   username/password) and how many downloads run **at once** (1–4; Copernicus allows 4 per account),
   select footprints and press **Download selected** — or right-click a footprint on the map:
   **Download this product: 2022-05-03 · S2A_MSIL1C_…**, **Download N selected products**. The bar
   shows bytes, rate and time left; **Stop** keeps partial files, which the next download resumes.
   Offline products (in the long-term archive) are counted before anything starts ("1 of the 4
   selected products are offline … downloading the other 3"); a selection of offline products only
   starts nothing.
   **The ending:** one message per batch, green when every product is on disk, orange when some are
   ("3 of 4 products on disk in /data (3 verified); 1 offline (in the long-term archive): order it
   in the Copernicus Data Space browser first."), red when none is ("Download failed: Copernicus
   Data Space rejected the username/password in auth config 'My CDSE account' (HTTP 401) …; nothing
   downloaded. 1 not tried: …"). The tab's status line and QGIS' task list say the same sentence;
   a batch with nothing on disk is a *failed* task in QGIS, and the tab's bar shows the share of
   products on disk, not a full bar. Each product's outcome is in the layer (`downloaded`), the
   query log and the EO Order log panel.
5. **Open in QGIS** adds downloaded products to the map where GDAL can read them (a Sentinel-2
   `.SAFE.zip` through its SENTINEL2 driver, a Sentinel-1 `manifest.safe` inside the zip, NetCDF
   variables, GeoTIFF/JP2 members of an archive — at most 12 layers per product, grouped), zooms
   the map to them and says what was added ("Added 1 layer(s) of S2A_…"); otherwise your file
   browser opens on the folder.</source>
      <translation type="unfinished"></translation>
    </message>
    <message>
      <source>What the download guarantees:</source>
      <translation>Ce que le téléchargement garantit :</translation>
    </message>
    <message>
      <source>- **One login per batch**, then refresh-token grants before the 600 s access token expires; a new
  password login only when the refresh token (3600 s) is gone. Never a login per product: a login
  that fails (rejected password, a maintenance page or a server error instead of a token, no answer)
  is tried once and ends the batch with its message; the products not tried yet say "not tried".
- Bytes stream into `&lt;name&gt;.part` while their MD5 is computed; the file gets its final name only
  after the MD5 (or, without one, the announced size: "unverified") checks out. An HTML or JSON
  error page served with status 200 is never saved as a product. A checksum mismatch deletes the
  part and retries once, then marks the product failed. A catalogue MD5 that is not 32 hexadecimal
  digits is ignored, and the product's message says so.
- **The announced size is a hard cap and a completeness check**: the catalogue's size (from a
  footprint layer; a query log keeps none), else the size the server announces. A reply announcing
  another size than the catalogue is refused; a body that runs past the size is cut there and
  refused (the file never grows beyond it); a body that ends early is not complete (retried).
- 429 waits for Retry-After, 401 refreshes the token once, 5xx and broken connections are retried
  with backoff. **Resuming** sends `Range` with `If-Range` (the first reply's `ETag`, else its
  `Last-Modified`, kept in `&lt;name&gt;.part.meta`): a file that changed on the server comes whole and
  new (HTTP 200), never half old, half new. A part without such a validator, or left by an older
  version of EO Order, starts again from zero.
- **No download hangs**: a product arriving slower than 1 kB/s on average over 60 s (a server
  dripping a byte every few seconds, or silent) is stopped and failed ("… at less than 1.0 kB/s for
  60 s: stopped"; the part is kept for the next run). **Stop** closes the connections at once: the
  download ends within a second, without waiting for data. (`Downloader(stall_window=…,
  min_rate=…)` sets both.)
- Redirects are followed by EO Order itself so the Bearer token goes only to trusted **origins**
  (scheme, host and port): the download URL's own, and `https://*.dataspace.copernicus.eu` on port
  443 — never to the same host on another port, never over plain http, never to other hosts (such
  as pre-signed storage URLs).
- Product ids must be UUIDs, as the catalogue issues them: a product whose id is anything else is
  failed with a message and never requested (and ids are percent-encoded in the URL all the same).
- Offline (long-term archive) products are reported and skipped, not fatal.
- **Nothing lost**: right after each product is on disk and verified, it is marked `Downloaded` in
  the query log (atomic rewrite) and in the footprint layer's file when it is one (GeoPackage,
  Shapefile, GeoJSON…; memory layers are updated in the dock). A crash or kill at any point leaves
  the log true; the next run skips verified files and resumes partial ones.
- **File names**: the product name, with `.zip` appended for folder-like products (`….SAFE` →
  `….SAFE.zip`); single-file products (`.nc`, `.tif`, …) keep their name. A name that is not
  already plain (characters other than letters, digits and `._+-`, or over 200 characters) is
  sanitised, cut, and always gets the product id before its extension (`S2A_a?b.SAFE` →
  `S2A_a_b.SAFE_&lt;id&gt;.zip`), so names that collide once sanitised never share a file. Two products
  of the very same name share the plain name: the file found there counts for a product only when
  it checks out for it (MD5, else size); otherwise it is left untouched — never deleted, never
  overwritten — and the product goes to `&lt;name&gt;_&lt;id&gt;.&lt;ext&gt;`, its own name. *Open in QGIS* looks
  there first.</source>
      <translation>- **Une seule connexion par lot**, puis des renouvellements par jeton de rafraîchissement avant
  l'expiration du jeton d'accès de 600 s; une nouvelle connexion par mot de passe seulement quand le
  jeton de rafraîchissement (3600 s) a expiré. Jamais une connexion par produit : une connexion qui
  échoue (mot de passe refusé, page de maintenance ou erreur du serveur au lieu d'un jeton, aucune
  réponse) est tentée une fois et termine le lot avec son message; les produits pas encore tentés
  disent « not tried ».
- Les octets arrivent dans `&lt;nom&gt;.part` pendant que leur MD5 est calculé; le fichier ne prend son nom
  définitif qu'une fois le MD5 (ou, à défaut, la taille annoncée : « unverified ») vérifié. Une
  page d'erreur HTML ou JSON servie avec le code 200 n'est jamais enregistrée comme produit. Une
  somme de contrôle discordante supprime la partie et réessaie une fois, puis marque le produit en
  échec. Un MD5 du catalogue qui ne compte pas 32 chiffres hexadécimaux est ignoré, et le message du
  produit le dit.
- **La taille annoncée est un plafond strict et un contrôle d'intégrité** : la taille du catalogue
  (d'une couche d'empreintes; un journal de requête n'en garde aucune), sinon celle que le serveur
  annonce. Une réponse annonçant une autre taille que le catalogue est refusée; un contenu qui dépasse
  la taille est coupé là et refusé (le fichier ne la dépasse jamais); un contenu qui s'arrête trop
  tôt n'est pas complet (nouvel essai).
- 429 attend le Retry-After, 401 renouvelle le jeton une fois, les 5xx et les connexions rompues
  sont réessayés avec un délai croissant. **La reprise** envoie `Range` avec `If-Range` (l'`ETag` de
  la première réponse, sinon son `Last-Modified`, conservé dans `&lt;nom&gt;.part.meta`) : un fichier
  modifié sur le serveur arrive entier et neuf (HTTP 200), jamais moitié ancien, moitié nouveau. Une
  partie sans un tel validateur, ou laissée par une version antérieure d'EO Order, recommence à zéro.
- **Aucun téléchargement ne reste bloqué** : un produit qui arrive à moins de 1 ko/s en moyenne sur
  60 s (un serveur qui envoie un octet toutes les quelques secondes, ou muet) est arrêté et mis en
  échec (« … at less than 1.0 kB/s for 60 s: stopped »; la partie est conservée pour la prochaine
  fois). **Arrêter** ferme les connexions aussitôt : le téléchargement se termine en moins d'une
  seconde, sans attendre de données. (`Downloader(stall_window=…, min_rate=…)` règle les deux.)
- Les redirections sont suivies par EO Order lui-même, de sorte que le jeton Bearer ne va qu'à des
  **origines** de confiance (schéma, hôte et port) : celle de l'URL de téléchargement et
  `https://*.dataspace.copernicus.eu` sur le port 443 — jamais au même hôte sur un autre port,
  jamais en http simple, jamais à d'autres hôtes (comme des URL de stockage présignées).
- Les identifiants de produit doivent être des UUID, comme le catalogue les attribue : un produit
  dont l'identifiant est autre chose est mis en échec avec un message et jamais demandé (et les
  identifiants sont de toute façon encodés dans l'URL).
- Les produits hors ligne (archive à long terme) sont signalés et sautés, sans être fatals.
- **Rien n'est perdu** : dès qu'un produit est sur le disque et vérifié, il est marqué `Downloaded`
  dans le journal de requête (réécriture atomique) et dans le fichier de la couche d'empreintes quand
  c'en est un (GeoPackage, Shapefile, GeoJSON…; les couches en mémoire sont mises à jour dans le
  panneau). Un plantage ou un arrêt forcé à tout moment laisse le journal exact; la fois suivante
  saute les fichiers vérifiés et reprend les fichiers partiels.
- **Noms de fichiers** : le nom du produit, avec `.zip` ajouté pour les produits de type dossier
  (`….SAFE` → `….SAFE.zip`); les produits d'un seul fichier (`.nc`, `.tif`, …) gardent leur nom. Un
  nom qui n'est pas déjà simple (caractères autres que lettres, chiffres et `._+-`, ou plus de 200
  caractères) est assaini, coupé, et reçoit toujours l'identifiant du produit avant son extension
  (`S2A_a?b.SAFE` → `S2A_a_b.SAFE_&lt;id&gt;.zip`), de sorte que des noms qui se confondent une fois
  assainis ne partagent jamais un fichier. Deux produits portant exactement le même nom partagent le
  nom simple : le fichier trouvé là ne compte pour un produit que s'il se vérifie pour lui (MD5,
  sinon taille); sinon il est laissé intact — jamais supprimé, jamais écrasé — et le produit va dans
  `&lt;nom&gt;_&lt;id&gt;.&lt;ext&gt;`, son propre nom. *Ouvrir dans QGIS* cherche d'abord là.</translation>
    </message>
    <message>
      <source>### WCS 1.0.0</source>
      <translation>### WCS 1.0.0</translation>
    </message>
    <message>
      <source>On the **WCS** tab type a server URL and **Connect** (GetCapabilities, using the addresses the
server advertises). Pick a coverage from the server's list to see its description (CRSs, formats,
interpolations, time positions, range axes, grid), then choose the CRS (the canvas CRS when
offered), format, time and either a size in pixels or a resolution; *Advanced* holds the response
CRS, interpolation, range subset and the largest file to accept (4096 MB by default). The rows wrap
under their labels, so the tab fits a 420 px wide dock without horizontal scrolling.</source>
      <translation>Dans l'onglet **WCS**, saisissez l'URL d'un serveur et **Connectez-vous** (GetCapabilities, avec les
adresses annoncées par le serveur). Choisissez une couverture dans la liste du serveur pour voir sa
description (SCR, formats, interpolations, positions temporelles, axes de valeurs, grille), puis
choisissez le SCR (celui du canevas s'il est offert), le format, la date et soit une taille en
pixels, soit une résolution; *Avancé* contient le SCR de la réponse, l'interpolation, le
sous-ensemble de valeurs et le plus gros fichier accepté (4096 Mo par défaut). Les lignes passent
sous leurs étiquettes, de sorte que l'onglet tient dans un panneau de 420 px de large sans
défilement horizontal.</translation>
    </message>
    <message>
      <source>The defaults fetch something useful:</source>
      <translation>Les valeurs par défaut récupèrent quelque chose d'utile :</translation>
    </message>
    <message>
      <source>- **Extent:** the part of the map view the coverage covers (the view is first cut to valid
  coordinates, so a world view zoomed out past ±180°/±90° asks for the coverage only). When the
  view and the coverage do not overlap, *Fetch coverage* says so and sends nothing: pan to the
  coverage, press **Coverage extent**, or set a box with the extent widget (typed, drawn, a layer's).
  The extent follows the map until you set one yourself.
- **Size:** the coverage's **native resolution** over that extent (*Native*; *Canvas* takes the
  map's pixel size). The native resolution is the grid's: when a server lists several envelopes
  (MapServer: EPSG:4326 first, then the native CRS), the one in the grid's CRS is used. Coverages
  whose only interpolation is `none` (GSKY) are fetched by size like any other.
- **Time:** one of the coverage's positions or periods; a time it does not offer is refused before
  sending, naming the ones offered (any ISO spelling of an offered instant is accepted).
- **Output:** a new file named after the coverage **next to the project file**, or the file you
  choose; an unsaved project makes you choose one — nothing goes silently to a temporary folder.
- The file is loaded as a raster layer with its no-data transparent (the file's own no-data value,
  else the coverage's `nullValues`).</source>
      <translation>- **Emprise :** la partie de la vue de la carte que couvre la couverture (la vue est d'abord
  ramenée à des coordonnées valides, de sorte qu'une vue du monde dézoomée au-delà de ±180°/±90° ne
  demande que la couverture). Quand la vue et la couverture ne se chevauchent pas, *Récupérer la
  couverture* le dit et n'envoie rien : déplacez la carte vers la couverture, appuyez sur **Emprise
  de la couverture** ou définissez un rectangle avec le widget d'emprise (saisi, dessiné, celui d'une
  couche). L'emprise suit la carte jusqu'à ce que vous en définissiez une vous-même.
- **Taille :** la **résolution native** de la couverture sur cette emprise (*Native*; *Canevas*
  prend la taille de pixel de la carte). La résolution native est celle de la grille : quand un
  serveur liste plusieurs enveloppes (MapServer : EPSG:4326 d'abord, puis le SCR natif), celle dans
  le SCR de la grille est utilisée. Les couvertures dont la seule interpolation est `none` (GSKY) sont
  récupérées par taille comme les autres.
- **Date :** l'une des positions ou périodes de la couverture; une date qu'elle n'offre pas est
  refusée avant l'envoi, en nommant celles qui sont offertes (toute écriture ISO d'un instant offert
  est acceptée).
- **Sortie :** un nouveau fichier nommé d'après la couverture **à côté du fichier de projet**, ou le
  fichier que vous choisissez; un projet non enregistré vous fait en choisir un — rien ne va en
  silence dans un dossier temporaire.
- Le fichier est chargé comme couche raster avec ses valeurs sans donnée transparentes (la valeur
  sans donnée du fichier, sinon les `nullValues` de la couverture).</translation>
    </message>
    <message>
      <source>A ServiceExceptionReport, or a reply whose content type does not match the format, is shown as the
server's message and nothing is saved under the output name. The coverage streams into
`&lt;name&gt;.part` and gets its name only once complete; a reply larger than the limit (announced or
actually sent) is stopped and nothing is kept. Capabilities and descriptions are read up to 32 MiB /
16 MiB after decompression, so a "gzip bomb" is an error, not gigabytes of memory. Requests are KVP
GET with `VERSION=1.0.0`; servers that offer only POST get the XML encoding. Connecting and describing a coverage have the same overall time limit as a search page
(`eo_order/network/deadline_seconds`); cancelling any task closes its connection within a second.</source>
      <translation>Un ServiceExceptionReport, ou une réponse dont le type de contenu ne correspond pas au format, est
affiché comme le message du serveur et rien n'est enregistré sous le nom de sortie. La couverture
arrive dans `&lt;nom&gt;.part` et ne prend son nom qu'une fois complète; une réponse plus grosse que la
limite (annoncée ou réellement envoyée) est arrêtée et rien n'est conservé. Les capacités et les
descriptions sont lues jusqu'à 32 Mio / 16 Mio après décompression, de sorte qu'une « bombe
gzip » est une erreur, et non des gigaoctets de mémoire. Les requêtes sont des GET KVP avec
`VERSION=1.0.0`; les serveurs qui n'offrent que POST reçoivent l'encodage XML. La connexion et la
description d'une couverture ont la même limite de temps globale qu'une page de recherche
(`eo_order/network/deadline_seconds`); annuler toute tâche ferme sa connexion en moins d'une seconde.</translation>
    </message>
    <message>
      <source>### Search history</source>
      <translation>### Historique des recherches</translation>
    </message>
    <message>
      <source>The **History** tab keeps your last 20 searches, of every catalogue (catalogue, area, dates,
filters, number of results, time), in `&lt;QGIS profile&gt;/eo_order/history.sqlite`. **Re-run** (or a
double-click) runs one again exactly — same catalogue, same box or polygon, same dates and
filters; a date the search left open shows as *no limit* (not a greyed today's date); **Load box**
puts its box into the Search tab's search box and zooms the map to it. The tab fits a 420 px wide dock.</source>
      <translation type="unfinished"></translation>
    </message>
  </context>
  <context>
    <name>HistoryPanel</name>
    <message>
      <source>Your last searches, newest first (kept in the QGIS profile folder).</source>
      <translation>Vos dernières recherches, les plus récentes en premier (conservées dans le dossier de profil QGIS).</translation>
    </message>
    <message>
      <source>Double-click a search to run it again</source>
      <translation>Double-cliquez sur une recherche pour la relancer</translation>
    </message>
    <message>
      <source>Re-run</source>
      <translation>Relancer</translation>
    </message>
    <message>
      <source>Run the selected search again, exactly as it was</source>
      <translation>Relancer la recherche sélectionnée, telle quelle</translation>
    </message>
    <message>
      <source>Load box</source>
      <translation>Charger le rectangle</translation>
    </message>
    <message>
      <source>Put the selected search's box into its tab's search box and zoom to it</source>
      <translation>Placer le rectangle de la recherche sélectionnée dans le rectangle de recherche de son onglet et zoomer dessus</translation>
    </message>
    <message>
      <source>Clear history</source>
      <translation>Effacer l'historique</translation>
    </message>
    <message>
      <source>Forget all searches</source>
      <translation>Oublier toutes les recherches</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <source>Catalogue</source>
      <translation>Catalogue</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Recherche</translation>
    </message>
    <message>
      <source>Box</source>
      <translation>Rectangle</translation>
    </message>
    <message>
      <source>Results</source>
      <translation>Résultats</translation>
    </message>
  </context>
  <context>
    <name>LayerTools</name>
    <message>
      <source>Export footprints…</source>
      <translation>Exporter les empreintes…</translation>
    </message>
    <message>
      <source>Save the footprints (all or the selected ones) as GeoPackage, GeoJSON, KML, CSV or Shapefile</source>
      <translation>Enregistrer les empreintes (toutes ou celles sélectionnées) en GeoPackage, GeoJSON, KML, CSV ou Shapefile</translation>
    </message>
    <message>
      <source>Show quicklooks</source>
      <translation>Afficher les aperçus</translation>
    </message>
    <message>
      <source>Put the quicklooks of the selected footprints on the map, each stretched onto its footprint</source>
      <translation>Placer sur la carte les aperçus des empreintes sélectionnées, chacun étiré sur son empreinte</translation>
    </message>
  </context>
  <context>
    <name>OrderController</name>
    <message>
      <source>Order again?</source>
      <translation>Commander de nouveau?</translation>
    </message>
    <message>
      <source>EODMS accepted {0} of {1} order(s); watch your e-mail for the delivery links.</source>
      <translation>EODMS a accepté {0} commande(s) sur {1}; surveillez vos courriels pour les liens de livraison.</translation>
    </message>
    <message>
      <source>Order failed: EODMS accepted none of the {0} order(s).</source>
      <translation>Échec de la commande : EODMS n'a accepté aucune des {0} commande(s).</translation>
    </message>
    <message>
      <source>These footprints have no EODMS record/collection id: search EODMS again and order from the new footprints.</source>
      <translation>Ces empreintes n'ont pas d'identifiant d'enregistrement ou de collection EODMS : relancez la recherche dans EODMS et commandez à partir des nouvelles empreintes.</translation>
    </message>
    <message>
      <source>scene {0} of {1}</source>
      <translation>scène {0} sur {1}</translation>
    </message>
    <message>
      <source>Order cancelled: see the Orders tab for what was sent.</source>
      <translation>Commande annulée : consultez l'onglet Commandes pour voir ce qui a été envoyé.</translation>
    </message>
    <message>
      <source>Order {0} selected scenes</source>
      <translation>Commander les {0} scènes sélectionnées</translation>
    </message>
    <message>
      <source>Failed: {0}</source>
      <translation>Échec : {0}</translation>
    </message>
    <message>
      <source>EODMS already accepted orders for {0}. Order them again?</source>
      <translation>EODMS a déjà accepté des commandes pour {0}. Les commander de nouveau?</translation>
    </message>
    <message>
      <source>EO Order: describe EODMS scene {0}</source>
      <translation>EO Order : description de la scène EODMS {0}</translation>
    </message>
    <message>
      <source>EO Order: order {0} EODMS scene(s)</source>
      <translation>EO Order : commande de {0} scène(s) EODMS</translation>
    </message>
    <message>
      <source>Order failed: {0}</source>
      <translation>Échec de la commande : {0}</translation>
    </message>
    <message>
      <source>Order this scene: {0}</source>
      <translation>Commander cette scène : {0}</translation>
    </message>
    <message>
      <source>Order one of {0} scenes here</source>
      <translation>Commander l'une des {0} scènes ici</translation>
    </message>
    <message>
      <source>Show quicklook: {0}</source>
      <translation>Afficher l'aperçu : {0}</translation>
    </message>
    <message>
      <source>Show the quicklook of one of {0} scenes</source>
      <translation>Afficher l'aperçu de l'une des {0} scènes</translation>
    </message>
    <message>
      <source>({0} more in the Orders tab)</source>
      <translation>({0} autre(s) dans l'onglet Commandes)</translation>
    </message>
    <message>
      <source>Not tried: {0}; order them again once this is fixed.</source>
      <translation>Non tentées : {0}; commandez-les de nouveau une fois le problème réglé.</translation>
    </message>
  </context>
  <context>
    <name>OrderDialog</name>
    <message>
      <source>Order from EODMS</source>
      <translation>Commander auprès d'EODMS</translation>
    </message>
    <message>
      <source>QGIS authentication configuration (Basic) with your EODMS username and password; create one with the + button</source>
      <translation>Configuration d'authentification QGIS (Basic) contenant votre nom d'utilisateur et votre mot de passe EODMS; créez-en une avec le bouton +</translation>
    </message>
    <message>
      <source>EODMS credentials</source>
      <translation>Identifiants EODMS</translation>
    </message>
    <message>
      <source>How EODMS packages the delivered files</source>
      <translation>Façon dont EODMS empaquette les fichiers livrés</translation>
    </message>
    <message>
      <source>Packaging</source>
      <translation>Empaquetage</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>Commander</translation>
    </message>
    <message>
      <source>Server default</source>
      <translation>Par défaut du serveur</translation>
    </message>
    <message>
      <source>Asking EODMS which packaging formats it offers…</source>
      <translation>Interrogation d'EODMS sur les formats d'empaquetage offerts…</translation>
    </message>
    <message>
      <source>Scene</source>
      <translation>Scène</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Collection</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <source>Choose or create the QGIS authentication configuration holding your EODMS username and password.</source>
      <translation>Choisissez ou créez la configuration d'authentification QGIS contenant votre nom d'utilisateur et votre mot de passe EODMS.</translation>
    </message>
    <message>
      <source>EODMS offers no packaging choice for this scene: it will use its default.</source>
      <translation>EODMS n'offre aucun choix d'empaquetage pour cette scène : il utilisera son empaquetage par défaut.</translation>
    </message>
    <message>
      <source>Order {0} scene(s) from EODMS. EODMS e-mails you when each order is submitted and again with download links.</source>
      <translation>Commander {0} scène(s) auprès d'EODMS. EODMS vous envoie un courriel lorsque chaque commande est soumise, puis un autre avec les liens de téléchargement.</translation>
    </message>
    <message>
      <source>Order is off until you choose other credentials or edit these.</source>
      <translation>La commande est désactivée tant que vous n'avez pas choisi d'autres identifiants ou modifié ceux-ci.</translation>
    </message>
    <message>
      <source>EODMS offers: {0} (default {1}).</source>
      <translation>EODMS offre : {0} (par défaut {1}).</translation>
    </message>
    <message>
      <source>Already ordered: {0}. They will be ordered again.</source>
      <translation>Déjà commandées : {0}. Elles seront commandées de nouveau.</translation>
    </message>
  </context>
  <context>
    <name>OrderEodmsAlgorithm</name>
    <message>
      <source>Order scenes from EODMS</source>
      <translation>Commander des scènes auprès d'EODMS</translation>
    </message>
    <message>
      <source>Orders footprints of an EODMS search from the EODMS order service, journalled.</source>
      <translation>Commande les empreintes d'une recherche EODMS auprès du service de commande EODMS, avec journal.</translation>
    </message>
    <message>
      <source>Orders each input footprint (fields record_id and collection_id, as written by 'Search a CSW catalogue') from the EODMS WES order service: DescribeCoverage, then GetCoverage with CoverageId &lt;collection&gt;--&lt;record id&gt;. EODMS e-mails you when an order is submitted and again with the download links.

Tick 'Selected features only' to order just the selection. Every attempt is written to the order journal in the QGIS profile folder before and after its request. 'Server default' sends no packaging format; a scene for which EODMS offers no packaging choice is ordered that way whatever format you pick. A rejected username/password stops the batch; a scene EODMS refuses is reported as failed and the batch goes on.</source>
      <translation>Commande chaque empreinte en entrée (champs record_id et collection_id, tels qu'écrits par « Rechercher dans un catalogue CSW ») auprès du service de commande WES d'EODMS : DescribeCoverage, puis GetCoverage avec CoverageId &lt;collection&gt;--&lt;record id&gt;. EODMS vous envoie un courriel lorsqu'une commande est soumise, puis un autre avec les liens de téléchargement.

Cochez « Entités sélectionnées uniquement » pour ne commander que la sélection. Chaque tentative est inscrite dans le journal des commandes du dossier de profil QGIS avant et après sa requête. « Par défaut du serveur » n'envoie aucun format d'empaquetage; une scène pour laquelle EODMS n'offre aucun choix d'empaquetage est commandée ainsi, quel que soit le format choisi. Un nom d'utilisateur ou un mot de passe refusé arrête le lot; une scène refusée par EODMS est signalée en échec et le lot se poursuit.</translation>
    </message>
    <message>
      <source>Footprints to order</source>
      <translation>Empreintes à commander</translation>
    </message>
    <message>
      <source>EODMS order (WCS) URL</source>
      <translation>URL de commande EODMS (WCS)</translation>
    </message>
    <message>
      <source>EODMS credentials (Basic auth config)</source>
      <translation>Identifiants EODMS (configuration d'authentification Basic)</translation>
    </message>
    <message>
      <source>Packaging format</source>
      <translation>Format d'empaquetage</translation>
    </message>
    <message>
      <source>Orders</source>
      <translation>Commandes</translation>
    </message>
    <message>
      <source>No footprints to order (is the selection empty?).</source>
      <translation>Aucune empreinte à commander (la sélection est-elle vide?).</translation>
    </message>
    <message>
      <source>Server default</source>
      <translation>Par défaut du serveur</translation>
    </message>
    <message>
      <source>{0}: {1} {2}</source>
      <translation>{0} : {1} {2}</translation>
    </message>
    <message>
      <source>{0} of {1} scene(s) failed: see the message column.</source>
      <translation>Échec de {0} scène(s) sur {1} : consultez la colonne des messages.</translation>
    </message>
  </context>
  <context>
    <name>OrdersPanel</name>
    <message>
      <source>Every order attempt, written before and after the request. Double-click a row to see EODMS' reply.</source>
      <translation>Chaque tentative de commande, inscrite avant et après la requête. Double-cliquez sur une ligne pour voir la réponse d'EODMS.</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Actualiser</translation>
    </message>
    <message>
      <source>Read the order journal again</source>
      <translation>Relire le journal des commandes</translation>
    </message>
    <message>
      <source>EODMS reply</source>
      <translation>Réponse d'EODMS</translation>
    </message>
    <message>
      <source>submitted</source>
      <translation>soumise</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>en échec</translation>
    </message>
    <message>
      <source>interrupted</source>
      <translation>interrompue</translation>
    </message>
    <message>
      <source>pending</source>
      <translation>en attente</translation>
    </message>
    <message>
      <source>Requested (UTC)</source>
      <translation>Demandée (UTC)</translation>
    </message>
    <message>
      <source>Scene</source>
      <translation>Scène</translation>
    </message>
    <message>
      <source>EODMS order</source>
      <translation>Commande EODMS</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Message</translation>
    </message>
    <message>
      <source>The order id in EODMS' reply (quote it to EODMS support); empty when the reply has none</source>
      <translation>Le numéro de commande de la réponse d'EODMS (à citer au soutien d'EODMS); vide si la réponse n'en contient pas</translation>
    </message>
    <message>
      <source>Scene {0} ({1}): {2}</source>
      <translation>Scène {0} ({1}) : {2}</translation>
    </message>
    <message>
      <source>(no reply recorded)</source>
      <translation>(aucune réponse enregistrée)</translation>
    </message>
    <message>
      <source>{0} order attempts: {1}.</source>
      <translation>{0} tentatives de commande : {1}.</translation>
    </message>
    <message>
      <source>none yet</source>
      <translation>aucune pour l'instant</translation>
    </message>
    <message>
      <source>Journal: {0}</source>
      <translation>Journal : {0}</translation>
    </message>
    <message>
      <source>EODMS order {0}</source>
      <translation>commande EODMS {0}</translation>
    </message>
    <message>
      <source>{0} · collection {1} · packaging {2}</source>
      <translation>{0} · collection {1} · empaquetage {2}</translation>
    </message>
    <message>
      <source>server default</source>
      <translation>valeur par défaut du serveur</translation>
    </message>
  </context>
  <context>
    <name>Quicklooks</name>
    <message>
      <source>Choose a footprint layer of EO Order first.</source>
      <translation>Choisissez d'abord une couche d'empreintes d'EO Order.</translation>
    </message>
    <message>
      <source>Select one or more footprints first.</source>
      <translation>Sélectionnez d'abord une ou plusieurs empreintes.</translation>
    </message>
    <message>
      <source>None of the selected records has a quicklook.</source>
      <translation>Aucun des enregistrements sélectionnés n'a d'aperçu.</translation>
    </message>
    <message>
      <source>Cancelled before all quicklooks were fetched.</source>
      <translation>Annulé avant que tous les aperçus soient récupérés.</translation>
    </message>
    <message>
      <source>{0} of the selected records have no quicklook.</source>
      <translation>{0} des enregistrements sélectionnés n'ont pas d'aperçu.</translation>
    </message>
    <message>
      <source>{0}: QGIS cannot open the warped quicklook.</source>
      <translation>{0} : QGIS ne peut pas ouvrir l'aperçu géoréférencé.</translation>
    </message>
    <message>
      <source>Showing {0} quicklook(s) in “{1}”.</source>
      <translation>{0} aperçu(s) affiché(s) dans « {1} ».</translation>
    </message>
    <message>
      <source>{0} of {1} quicklook(s) could not be shown:</source>
      <translation>{0} aperçu(s) sur {1} n'ont pas pu être affichés :</translation>
    </message>
    <message>
      <source>(and {0} more; see the EO Order log panel)</source>
      <translation>(et {0} de plus ; voir le panneau de journal EO Order)</translation>
    </message>
  </context>
  <context>
    <name>QuicklooksAlgorithm</name>
    <message>
      <source>Georeference quicklooks</source>
      <translation>Géoréférencer les aperçus</translation>
    </message>
    <message>
      <source>The thumbnails of footprints, stretched onto them as GeoTIFFs.</source>
      <translation>Les vignettes des empreintes, étirées sur elles en GeoTIFF.</translation>
    </message>
    <message>
      <source>Fetches the thumbnail of each input footprint (EODMS THUMBVIEW in thumbnail_url, Copernicus quicklook in quicklook_url, as written by the search algorithms) and stretches it onto the footprint: the image's corners on the footprint's four corners, warped to a GeoTIFF in WGS 84 with transparency outside. The GeoTIFFs are written to the output folder as &lt;record id or product name&gt;.tif; the table says what happened to each footprint.

Tick 'Selected features only' to take just the selection. Thumbnails are cached in the QGIS profile folder, so running again does not fetch them again. A thumbnail that cannot be fetched is reported as failed and the others go on.</source>
      <translation>Récupère la vignette de chaque empreinte en entrée (THUMBVIEW d'EODMS dans thumbnail_url, aperçu Copernicus dans quicklook_url, tels qu'écrits par les algorithmes de recherche) et l'étire sur l'empreinte : les coins de l'image sur les quatre coins de l'empreinte, rééchantillonnée en GeoTIFF en WGS 84, transparente à l'extérieur. Les GeoTIFF sont écrits dans le dossier de sortie sous le nom &lt;record id or product name&gt;.tif ; la table indique ce qui est arrivé à chaque empreinte.

Cochez « Entités sélectionnées uniquement » pour ne prendre que la sélection. Les vignettes sont mises en cache dans le dossier du profil QGIS : une nouvelle exécution ne les récupère pas de nouveau. Une vignette qui ne peut pas être récupérée est signalée comme échouée et les autres continuent.</translation>
    </message>
    <message>
      <source>Footprints</source>
      <translation>Empreintes</translation>
    </message>
    <message>
      <source>Quicklook folder</source>
      <translation>Dossier des aperçus</translation>
    </message>
    <message>
      <source>Quicklooks</source>
      <translation>Aperçus</translation>
    </message>
    <message>
      <source>{0} footprint(s) have no quicklook URL or no geometry: skipped.</source>
      <translation>{0} empreinte(s) sans URL d'aperçu ou sans géométrie : ignorée(s).</translation>
    </message>
    <message>
      <source>{0} of {1} quicklook(s) failed: see the message column.</source>
      <translation>{0} aperçu(s) sur {1} en échec : voir la colonne message.</translation>
    </message>
    <message>
      <source>Could not create the folder {0}: {1}</source>
      <translation>Impossible de créer le dossier {0} : {1}</translation>
    </message>
  </context>
  <context>
    <name>ResultsTable</name>
    <message>
      <source>Defaults to the map canvas extent (turned into WGS 84); type a box, draw one or take a layer's extent</source>
      <translation>Par défaut, l'emprise du canevas de carte (convertie en WGS 84); saisissez un rectangle, dessinez-en un ou prenez l'emprise d'une couche</translation>
    </message>
    <message>
      <source>no limit</source>
      <translation>aucune limite</translation>
    </message>
    <message>
      <source>Loading thumbnail…</source>
      <translation>Chargement de la vignette…</translation>
    </message>
    <message>
      <source>EO Order: thumbnail</source>
      <translation>EO Order : vignette</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <source>The search box is empty: zoom the map to your area or type a box.</source>
      <translation>Le rectangle de recherche est vide : zoomez la carte sur votre zone ou saisissez un rectangle.</translation>
    </message>
    <message>
      <source>No thumbnail for this record.</source>
      <translation>Aucune vignette pour cet enregistrement.</translation>
    </message>
    <message>
      <source>The thumbnail could not be loaded ({0}).</source>
      <translation>Impossible de charger la vignette ({0}).</translation>
    </message>
    <message>
      <source>not an image</source>
      <translation>ce n'est pas une image</translation>
    </message>
  </context>
  <context>
    <name>SearchCdseAlgorithm</name>
    <message>
      <source>Search Copernicus Data Space</source>
      <translation>Rechercher dans Copernicus Data Space</translation>
    </message>
    <message>
      <source>Copernicus products by collection, area, dates and cloud cover: footprints and a query log.</source>
      <translation>Produits Copernicus par collection, zone, dates et couverture nuageuse : empreintes et journal de requête.</translation>
    </message>
    <message>
      <source>Searches the Copernicus Data Space Ecosystem OData catalogue for one collection, an area (the polygon of the AOI layer — its selected features when 'selected only' is ticked — or else the extent) and a sensing period (start inclusive, end exclusive; no zone = UTC), optionally a maximum cloud cover. Required: the extent or the AOI layer (one of the two). Writes the product footprints and the query log (a '# key: value' header with the query, then a CSV table Id,Name,Checksum,Online,Downloaded) that 'Download from Copernicus Data Space' takes as input. Result sets beyond the catalogue's 10,000-record paging limit are split into time windows.</source>
      <translation>Interroge le catalogue OData de Copernicus Data Space Ecosystem pour une collection, une zone (le polygone de la couche de zone d'intérêt — ses entités sélectionnées lorsque « sélection uniquement » est coché — ou sinon l'emprise) et une période d'acquisition (début inclus, fin exclue; sans fuseau = UTC), avec, au besoin, une couverture nuageuse maximale. Requis : l'emprise ou la couche de zone d'intérêt (l'une des deux). Écrit les empreintes des produits et le journal de requête (un en-tête « # key: value » avec la requête, puis une table CSV Id,Name,Checksum,Online,Downloaded) que « Télécharger depuis Copernicus Data Space » prend en entrée. Les ensembles de résultats qui dépassent la limite de pagination du catalogue (10 000 enregistrements) sont découpés en fenêtres temporelles.</translation>
    </message>
    <message>
      <source>Search cancelled.</source>
      <translation>Recherche annulée.</translation>
    </message>
    <message>
      <source>Give a search extent (EXTENT) or an area-of-interest layer (AOI): one of the two is required.</source>
      <translation>Indiquez une emprise de recherche (EXTENT) ou une couche de zone d'intérêt (AOI) : l'une des deux est requise.</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Collection</translation>
    </message>
    <message>
      <source>Search extent (required unless an AOI layer is given)</source>
      <translation>Emprise de recherche (requise sauf si une couche de zone d'intérêt est fournie)</translation>
    </message>
    <message>
      <source>Area of interest (polygon layer; overrides the extent; required unless an extent is given)</source>
      <translation>Zone d'intérêt (couche de polygones; remplace l'emprise; requise sauf si une emprise est fournie)</translation>
    </message>
    <message>
      <source>Sensing start (inclusive, ISO)</source>
      <translation>Début d'acquisition (inclus, ISO)</translation>
    </message>
    <message>
      <source>Sensing end (exclusive, ISO)</source>
      <translation>Fin d'acquisition (exclue, ISO)</translation>
    </message>
    <message>
      <source>Maximum cloud cover (%)</source>
      <translation>Couverture nuageuse maximale (%)</translation>
    </message>
    <message>
      <source>Maximum records</source>
      <translation>Nombre maximal d'enregistrements</translation>
    </message>
    <message>
      <source>OData catalogue URL</source>
      <translation>URL du catalogue OData</translation>
    </message>
    <message>
      <source>Product footprints</source>
      <translation>Empreintes des produits</translation>
    </message>
    <message>
      <source>Query log</source>
      <translation>Journal de requête</translation>
    </message>
    <message>
      <source>Query log (*.log)</source>
      <translation>Journal de requête (*.log)</translation>
    </message>
    <message>
      <source>The query log</source>
      <translation>le journal de requête</translation>
    </message>
    <message>
      <source>Give a search extent or an area-of-interest layer.</source>
      <translation>Indiquez une emprise de recherche ou une couche de zone d'intérêt.</translation>
    </message>
    <message>
      <source>Page {0} of {1}: {2} products</source>
      <translation>Page {0} sur {1} : {2} produits</translation>
    </message>
    <message>
      <source>{0} products, {1} without a footprint (kept without geometry); query log: {2}</source>
      <translation>{0} produits, dont {1} sans emprise (gardés sans géométrie); journal de requête : {2}</translation>
    </message>
    <message>
      <source>{0} products found; query log: {1}</source>
      <translation>{0} produits trouvés; journal de requête : {1}</translation>
    </message>
    <message>
      <source>The query log could not be written to {0} ({1}): is the disk full? {2} products were found; an earlier log at that path was left as it was. Free some space or choose another place, then run again.</source>
      <translation>Le journal de requête n'a pas pu être écrit dans {0} ({1}) : le disque est-il plein? {2} produits ont été trouvés; un journal antérieur à cet emplacement a été laissé tel quel. Libérez de l'espace ou choisissez un autre emplacement, puis relancez.</translation>
    </message>
  </context>
  <context>
    <name>SearchCswAlgorithm</name>
    <message>
      <source>Search a CSW catalogue (EODMS, RCM, CSW 2.0.2)</source>
      <translation>Rechercher dans un catalogue CSW (EODMS, RCM, CSW 2.0.2)</translation>
    </message>
    <message>
      <source>Records of a CSW 2.0.2 catalogue by extent, dates and title: their footprints.</source>
      <translation>Enregistrements d'un catalogue CSW 2.0.2 par emprise, dates et titre : leurs empreintes.</translation>
    </message>
    <message>
      <source>Searches a CSW 2.0.2 catalogue for records whose footprint intersects the extent and writes their footprints as polygons (EPSG:4326).

Catalogue: a connection by name (one of yours or a built-in one, as in the Connections manager: its URL, profile, record schema and authentication come with it), or, when no connection is chosen, the Catalogue URL with the Profile, Record schema and Authentication given here.

Profile: EODMS (the EODMS catalogue: lon/lat box without srsName), EODMS RCM (the same inside a SOAP WS-Security envelope; needs an auth config with your EODMS username and password) or generic CSW 2.0.2 (box sent as CRS84).

Dates filter the record date: start inclusive, end exclusive; ISO dates or date-times (2013-03-29, 2013-03-29T12:00:00Z). Title is a like-pattern: * any characters, ? one character. All pages are fetched up to Maximum records.

Record schema: Dublin Core or ISO 19139 (GeoNetwork, INSPIRE); either answer is read. Records without a bounding box are written without geometry; what could not be read (other schemas, paging that stopped early) is reported in the log.</source>
      <translation>Interroge un catalogue CSW 2.0.2 pour trouver les enregistrements dont l'empreinte recoupe l'emprise et écrit leurs empreintes sous forme de polygones (EPSG:4326).

Catalogue : une connexion par son nom (une des vôtres ou une connexion intégrée, comme dans le gestionnaire de connexions : son URL, son profil, son schéma de fiches et son authentification l'accompagnent) ou, si aucune connexion n'est choisie, l'URL du catalogue avec le profil, le schéma de fiches et l'authentification indiqués ici.

Profil : EODMS (le catalogue EODMS : rectangle lon/lat sans srsName), EODMS RCM (la même chose dans une enveloppe SOAP WS-Security; nécessite une configuration d'authentification contenant votre nom d'utilisateur et votre mot de passe EODMS) ou CSW 2.0.2 générique (rectangle envoyé en CRS84).

Les dates filtrent la date de l'enregistrement : début inclus, fin exclue; dates ou dates-heures ISO (2013-03-29, 2013-03-29T12:00:00Z). Le titre est un motif de type LIKE : * n'importe quels caractères, ? un seul caractère. Toutes les pages sont récupérées jusqu'au nombre maximal d'enregistrements.

Schéma des fiches : Dublin Core ou ISO 19139 (GeoNetwork, INSPIRE); les deux réponses sont lues. Les enregistrements sans rectangle englobant sont écrits sans géométrie; ce qui n'a pas pu être lu (autres schémas, pagination interrompue) est signalé dans le journal.</translation>
    </message>
    <message>
      <source>Search cancelled.</source>
      <translation>Recherche annulée.</translation>
    </message>
    <message>
      <source>Connection (by name; empty: the Catalogue URL below)</source>
      <translation>Connexion (par son nom; vide : l'URL du catalogue ci-dessous)</translation>
    </message>
    <message>
      <source>Catalogue URL (used when no connection is chosen)</source>
      <translation>URL du catalogue (utilisée si aucune connexion n'est choisie)</translation>
    </message>
    <message>
      <source>Profile</source>
      <translation>Profil</translation>
    </message>
    <message>
      <source>Search extent</source>
      <translation>Emprise de recherche</translation>
    </message>
    <message>
      <source>Start date (inclusive, ISO)</source>
      <translation>Date de début (incluse, ISO)</translation>
    </message>
    <message>
      <source>End date (exclusive, ISO)</source>
      <translation>Date de fin (exclue, ISO)</translation>
    </message>
    <message>
      <source>Title pattern (* and ?)</source>
      <translation>Motif du titre (* et ?)</translation>
    </message>
    <message>
      <source>Maximum records</source>
      <translation>Nombre maximal d'enregistrements</translation>
    </message>
    <message>
      <source>Authentication (required for RCM)</source>
      <translation>Authentification (requise pour RCM)</translation>
    </message>
    <message>
      <source>Record schema to ask for</source>
      <translation>Schéma des fiches à demander</translation>
    </message>
    <message>
      <source>Footprints</source>
      <translation>Empreintes</translation>
    </message>
    <message>
      <source>The search extent is empty: give a box.</source>
      <translation>L'emprise de recherche est vide : indiquez un rectangle.</translation>
    </message>
    <message>
      <source>There is no CSW connection named {0!r}. Choose one of: {1}; or leave Connection empty and give the Catalogue URL.</source>
      <translation>Il n'y a pas de connexion CSW nommée {0!r}. Choisissez l'une de celles-ci : {1}; ou laissez Connexion vide et indiquez l'URL du catalogue.</translation>
    </message>
    <message>
      <source>{0} records written, {1} without a footprint.</source>
      <translation>{0} enregistrements écrits, dont {1} sans empreinte.</translation>
    </message>
    <message>
      <source>Dublin Core</source>
      <translation>Dublin Core</translation>
    </message>
    <message>
      <source>ISO 19139</source>
      <translation>ISO 19139</translation>
    </message>
    <message>
      <source>Connection {0}: {1} ({2}).</source>
      <translation>Connexion {0} : {1} ({2}).</translation>
    </message>
    <message>
      <source>Page {0} of {1}: {2} records so far ({3} matched).</source>
      <translation>Page {0} sur {1} : {2} enregistrements jusqu'ici ({3} correspondants).</translation>
    </message>
    <message>
      <source>Could not write the footprints: {0}</source>
      <translation>Impossible d'écrire les empreintes : {0}</translation>
    </message>
  </context>
  <context>
    <name>SearchStacAlgorithm</name>
    <message>
      <source>Cloud cover filtered by the STAC API (CQL2 filter).</source>
      <translation>Couverture nuageuse filtrée par l'API STAC (filtre CQL2).</translation>
    </message>
    <message>
      <source>Cloud cover filtered by the STAC API (query extension).</source>
      <translation>Couverture nuageuse filtrée par l'API STAC (extension query).</translation>
    </message>
    <message>
      <source>This STAC API cannot filter cloud cover: EO Order filtered the items it received.</source>
      <translation>Cette API STAC ne sait pas filtrer la couverture nuageuse : EO Order a filtré les items reçus.</translation>
    </message>
    <message>
      <source>Search a STAC API</source>
      <translation>Rechercher dans une API STAC</translation>
    </message>
    <message>
      <source>Items of any STAC API by collections, area, dates and cloud cover: footprints and an item log.</source>
      <translation>Items de toute API STAC par collections, zone, dates et couverture nuageuse : empreintes et journal des items.</translation>
    </message>
    <message>
      <source>Searches a STAC API (its landing page URL, e.g. https://earth-search.aws.element84.com/v1) for the items of one or more collections (comma-separated ids; empty: all) in an area and a period, and writes their footprints (EPSG:4326; items across the antimeridian as two-part multipolygons) with the fields item_id, collection, datetime, start_datetime, end_datetime, cloud_cover, platform, gsd, asset_keys, self_link and thumbnail_url.

Area – required, one of: the extent, or the AOI layer (its polygons merged into one; the selected features when 'selected only' is ticked), which overrides the extent.
Dates: start inclusive, end exclusive; ISO dates or date-times (no zone = UTC).
Maximum cloud cover: sent as a CQL2 filter when the API conforms to the filter extension, else as the query extension, else applied by EO Order to the items received; the log says which. Items without a cloud cover are left out when a maximum is given.
Every page is fetched by the API's next links, up to Maximum records.

The item log (OUTPUT_LOG) is a CSV table Id,Collection,Datetime,Cloud,Assets,SelfLink after a '# key: value' header with the query, the match count and CloudFilter (the strategy used).</source>
      <translation>Interroge une API STAC (l'URL de sa page d'accueil, p. ex. https://earth-search.aws.element84.com/v1) pour trouver les items d'une ou de plusieurs collections (identifiants séparés par des virgules; vide : toutes) dans une zone et une période, et écrit leurs empreintes (EPSG:4326; les items qui traversent l'antiméridien en multipolygones à deux parties) avec les champs item_id, collection, datetime, start_datetime, end_datetime, cloud_cover, platform, gsd, asset_keys, self_link et thumbnail_url.

Zone – requise, l'une des deux : l'emprise, ou la couche de zone d'intérêt (ses polygones fusionnés en un seul; les entités sélectionnées lorsque « sélection uniquement » est coché), qui remplace l'emprise.
Dates : début inclus, fin exclue; dates ou dates-heures ISO (sans fuseau = UTC).
Couverture nuageuse maximale : envoyée comme filtre CQL2 si l'API se conforme à l'extension filter, sinon par l'extension query, sinon appliquée par EO Order aux items reçus; le journal dit laquelle. Les items sans couverture nuageuse sont exclus dès qu'un maximum est fixé.
Chaque page est récupérée par les liens next de l'API, jusqu'au nombre maximal d'enregistrements.

Le journal des items (OUTPUT_LOG) est une table CSV Id,Collection,Datetime,Cloud,Assets,SelfLink précédée d'un en-tête « # key: value » avec la requête, le nombre de correspondances et CloudFilter (la stratégie utilisée).</translation>
    </message>
    <message>
      <source>Search cancelled.</source>
      <translation>Recherche annulée.</translation>
    </message>
    <message>
      <source>Give a search extent (EXTENT) or an area-of-interest layer (AOI): one of the two is required.</source>
      <translation>Indiquez une emprise de recherche (EXTENT) ou une couche de zone d'intérêt (AOI) : l'une des deux est requise.</translation>
    </message>
    <message>
      <source>STAC API URL (landing page)</source>
      <translation>URL de l'API STAC (page d'accueil)</translation>
    </message>
    <message>
      <source>Collections (comma-separated ids; empty: all)</source>
      <translation>Collections (identifiants séparés par des virgules; vide : toutes)</translation>
    </message>
    <message>
      <source>Search extent (required unless an AOI layer is given)</source>
      <translation>Emprise de recherche (requise sauf si une couche de zone d'intérêt est fournie)</translation>
    </message>
    <message>
      <source>Area of interest (polygon layer; overrides the extent; required unless an extent is given)</source>
      <translation>Zone d'intérêt (couche de polygones; remplace l'emprise; requise sauf si une emprise est fournie)</translation>
    </message>
    <message>
      <source>Start date (inclusive, ISO)</source>
      <translation>Date de début (incluse, ISO)</translation>
    </message>
    <message>
      <source>End date (exclusive, ISO)</source>
      <translation>Date de fin (exclue, ISO)</translation>
    </message>
    <message>
      <source>Maximum cloud cover (%)</source>
      <translation>Couverture nuageuse maximale (%)</translation>
    </message>
    <message>
      <source>Maximum records</source>
      <translation>Nombre maximal d'enregistrements</translation>
    </message>
    <message>
      <source>Item footprints</source>
      <translation>Empreintes des items</translation>
    </message>
    <message>
      <source>Item log</source>
      <translation>Journal des items</translation>
    </message>
    <message>
      <source>Item log (*.csv)</source>
      <translation>Journal des items (*.csv)</translation>
    </message>
    <message>
      <source>The item log</source>
      <translation>le journal des items</translation>
    </message>
    <message>
      <source>{0} items found; item log: {1}</source>
      <translation>{0} items trouvés; journal des items : {1}</translation>
    </message>
    <message>
      <source>{0} items so far ({1} matched).</source>
      <translation>{0} items jusqu'ici ({1} correspondants).</translation>
    </message>
    <message>
      <source>Could not write the footprints: {0}</source>
      <translation>Impossible d'écrire les empreintes : {0}</translation>
    </message>
    <message>
      <source>{0} item(s) have no usable geometry: they are in the item log, not in the footprints.</source>
      <translation>{0} item(s) n'ont pas de géométrie utilisable : ils sont dans le journal des items, pas dans les empreintes.</translation>
    </message>
    <message>
      <source>Stopped at {0} items (Maximum records); the STAC API has more.</source>
      <translation>Arrêt à {0} items (nombre maximal d'enregistrements); l'API STAC en a d'autres.</translation>
    </message>
    <message>
      <source>The item log could not be written to {0} ({1}): is the disk full? {2} items were found; an earlier log at that path was left as it was. Free some space or choose another place, then run again.</source>
      <translation>Le journal des items n'a pas pu être écrit dans {0} ({1}) : le disque est-il plein? {2} items ont été trouvés; un journal antérieur à cet emplacement a été laissé tel quel. Libérez de l'espace ou choisissez un autre emplacement, puis relancez.</translation>
    </message>
  </context>
  <context>
    <name>SearchTab</name>
    <message>
      <source>The STAC collections to search (none checked: all of them); listed from the server</source>
      <translation>Les collections STAC à interroger (aucune cochée : toutes) ; listées par le serveur</translation>
    </message>
    <message>
      <source>EO Order: list collections of {0}</source>
      <translation>EO Order : lister les collections de {0}</translation>
    </message>
    <message>
      <source>The collections of {0} could not be listed: {1}</source>
      <translation>Les collections de {0} n'ont pas pu être listées : {1}</translation>
    </message>
    <message>
      <source>Where and how the selected products are downloaded</source>
      <translation>Où et comment les produits sélectionnés sont téléchargés</translation>
    </message>
    <message>
      <source>Products and query logs are saved here</source>
      <translation>Les produits et les journaux de requête sont enregistrés ici</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <source>Products downloaded at once (Copernicus allows 4 per account)</source>
      <translation>Produits téléchargés simultanément (Copernicus en permet 4 par compte)</translation>
    </message>
    <message>
      <source>at once: </source>
      <translation>simultanément : </translation>
    </message>
    <message>
      <source>Download selected</source>
      <translation>Télécharger la sélection</translation>
    </message>
    <message>
      <source>Download the selected products (verified, resumable)</source>
      <translation>Télécharger les produits sélectionnés (vérifiés, avec reprise possible)</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>Arrêter</translation>
    </message>
    <message>
      <source>Stop downloading; partial files are kept and resumed next time</source>
      <translation>Arrêter le téléchargement; les fichiers partiels sont conservés et repris la prochaine fois</translation>
    </message>
    <message>
      <source>Open in QGIS</source>
      <translation>Ouvrir dans QGIS</translation>
    </message>
    <message>
      <source>Add the selected downloaded products to the map</source>
      <translation>Ajouter à la carte les produits téléchargés sélectionnés</translation>
    </message>
    <message>
      <source>Starting the download…</source>
      <translation>Démarrage du téléchargement…</translation>
    </message>
    <message>
      <source>Download stopped; partial files are kept and resumed next time.</source>
      <translation>Téléchargement arrêté; les fichiers partiels sont conservés et repris la prochaine fois.</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Enregistrement</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Collection</translation>
    </message>
    <message>
      <source>Beam</source>
      <translation>Faisceau</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <source>Ordered</source>
      <translation>Commandée</translation>
    </message>
    <message>
      <source>Sensing start</source>
      <translation>Début d'acquisition</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>En ligne</translation>
    </message>
    <message>
      <source>Downloaded</source>
      <translation>Téléchargé</translation>
    </message>
    <message>
      <source>Cloud %</source>
      <translation>Nuages %</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>Produit</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Élément</translation>
    </message>
    <message>
      <source>Platform</source>
      <translation>Plateforme</translation>
    </message>
    <message>
      <source>The catalogue to search: EODMS, EODMS RCM (needs your EODMS credentials), Copernicus Data Space, a CSW catalogue or a STAC API.</source>
      <translation>Le catalogue à interroger : EODMS, EODMS RCM (demande vos identifiants EODMS), Copernicus Data Space, un catalogue CSW ou une API STAC.</translation>
    </message>
    <message>
      <source>Add a CSW 2.0.2 catalogue (name, URL, profile, credentials)</source>
      <translation>Ajouter un catalogue CSW 2.0.2 (nom, URL, profil, identifiants)</translation>
    </message>
    <message>
      <source>Remove this user-added catalogue</source>
      <translation>Retirer ce catalogue ajouté par l'utilisateur</translation>
    </message>
    <message>
      <source>Manage catalogues and servers: add, edit, remove, import or export them (also from and to QGIS' MetaSearch and WCS connections)</source>
      <translation>Gérer les catalogues et les serveurs : les ajouter, modifier, supprimer, importer ou exporter (aussi depuis et vers les connexions MetaSearch et WCS de QGIS)</translation>
    </message>
    <message>
      <source>Catalogue</source>
      <translation>Catalogue</translation>
    </message>
    <message>
      <source>QGIS authentication configuration (Basic) with your username and password for this catalogue (for Copernicus: your Copernicus Data Space account, used to download); stored only in the QGIS auth database.</source>
      <translation>Configuration d'authentification QGIS (Basic) avec votre nom d'utilisateur et votre mot de passe pour ce catalogue (pour Copernicus : votre compte Copernicus Data Space, utilisé pour télécharger) ; conservée uniquement dans la base d'authentification de QGIS.</translation>
    </message>
    <message>
      <source>Credentials</source>
      <translation>Identifiants</translation>
    </message>
    <message>
      <source>Filters</source>
      <translation>Filtres</translation>
    </message>
    <message>
      <source>What to search for; the filters this catalogue supports</source>
      <translation>Ce qu'il faut chercher ; les filtres que ce catalogue prend en charge</translation>
    </message>
    <message>
      <source>Date on or after this day (UTC; empty: no limit)</source>
      <translation>Date à partir de ce jour (UTC ; vide : aucune limite)</translation>
    </message>
    <message>
      <source>Date before this day – exclusive (UTC; empty: no limit)</source>
      <translation>Date avant ce jour – exclu (UTC ; vide : aucune limite)</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>Dates</translation>
    </message>
    <message>
      <source>Title pattern: * matches any characters, ? one character</source>
      <translation>Motif du titre : * correspond à n'importe quels caractères, ? à un seul caractère</translation>
    </message>
    <message>
      <source>The Copernicus Data Space collection to search</source>
      <translation>La collection Copernicus Data Space à interroger</translation>
    </message>
    <message>
      <source>List the server's collections again</source>
      <translation>Lister de nouveau les collections du serveur</translation>
    </message>
    <message>
      <source>Collections</source>
      <translation>Collections</translation>
    </message>
    <message>
      <source>any</source>
      <translation>indifférente</translation>
    </message>
    <message>
      <source>Maximum cloud cover. Products without a cloud cover (radar) are left out once a limit is set.</source>
      <translation>Couverture nuageuse maximale. Les produits sans couverture nuageuse (radar) sont exclus dès qu'une limite est fixée.</translation>
    </message>
    <message>
      <source>Max cloud</source>
      <translation>Nuages max.</translation>
    </message>
    <message>
      <source>Stop after this many records (all pages are fetched up to it)</source>
      <translation>Arrêter après ce nombre d'enregistrements (toutes les pages sont récupérées jusqu'à ce nombre)</translation>
    </message>
    <message>
      <source>Max records</source>
      <translation>Enregistrements max.</translation>
    </message>
    <message>
      <source>Search box</source>
      <translation>Rectangle de recherche</translation>
    </message>
    <message>
      <source>Search in the selected polygon of the active layer instead</source>
      <translation>Rechercher plutôt dans le polygone sélectionné de la couche active</translation>
    </message>
    <message>
      <source>Uses the selected polygon features of the active layer (any CRS) as the search area; several are merged into one outline.</source>
      <translation>Utilise les entités polygonales sélectionnées de la couche active (tout SCR) comme zone de recherche; plusieurs entités sont fusionnées en un seul contour.</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Rechercher</translation>
    </message>
    <message>
      <source>Search the catalogue in the background; results appear page by page</source>
      <translation>Interroger le catalogue en arrière-plan ; les résultats arrivent page par page</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Stop the running search (what already arrived is kept)</source>
      <translation>Arrêter la recherche en cours (ce qui est déjà arrivé est conservé)</translation>
    </message>
    <message>
      <source>Order selected</source>
      <translation>Commander la sélection</translation>
    </message>
    <message>
      <source>Order the selected scenes from EODMS</source>
      <translation>Commander les scènes sélectionnées auprès d'EODMS</translation>
    </message>
    <message>
      <source>Ready.</source>
      <translation>Prêt.</translation>
    </message>
    <message>
      <source>Select a record to see its thumbnail.</source>
      <translation>Sélectionnez un enregistrement pour voir sa vignette.</translation>
    </message>
    <message>
      <source>Download</source>
      <translation>Téléchargement</translation>
    </message>
    <message>
      <source>No products match this collection, area, period and cloud cover.</source>
      <translation>Aucun produit ne correspond à cette collection, cette zone, cette période et cette couverture nuageuse.</translation>
    </message>
    <message>
      <source>No records match this area, dates and filters.</source>
      <translation>Aucun enregistrement ne correspond à cette zone, à ces dates et à ces filtres.</translation>
    </message>
    <message>
      <source>{0} products in layer “{1}”.</source>
      <translation>{0} produits dans la couche « {1} ».</translation>
    </message>
    <message>
      <source>{0} items in layer “{1}”.</source>
      <translation>{0} éléments dans la couche « {1} ».</translation>
    </message>
    <message>
      <source>This record has no thumbnail.</source>
      <translation>Cet enregistrement n'a pas de vignette.</translation>
    </message>
    <message>
      <source>Show quicklooks</source>
      <translation>Afficher les aperçus</translation>
    </message>
    <message>
      <source>Connections…</source>
      <translation>Connexions…</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>Compte</translation>
    </message>
    <message>
      <source>Download the chosen assets of the selected items (verified, resumable), one folder per item; the STAC download log stac-download.csv is kept in the folder</source>
      <translation>Télécharger les ressources choisies des éléments sélectionnés (vérifiées, avec reprise), un dossier par élément; le journal de téléchargement STAC stac-download.csv est conservé dans le dossier</translation>
    </message>
    <message>
      <source>Make a polygon layer active and select the polygon to search in.</source>
      <translation>Activez une couche de polygones et sélectionnez le polygone dans lequel rechercher.</translation>
    </message>
    <message>
      <source>Search cancelled: nothing was added.</source>
      <translation>Recherche annulée : rien n'a été ajouté.</translation>
    </message>
    <message>
      <source>Search cancelled.</source>
      <translation>Recherche annulée.</translation>
    </message>
    <message>
      <source>Select one record to see its thumbnail.</source>
      <translation>Sélectionnez un seul enregistrement pour voir sa vignette.</translation>
    </message>
    <message>
      <source>Order this scene</source>
      <translation>Commander cette scène</translation>
    </message>
    <message>
      <source>Credentials (required)</source>
      <translation>Identifiants (requis)</translation>
    </message>
    <message>
      <source>Searching {0}…</source>
      <translation>Recherche dans {0}…</translation>
    </message>
    <message>
      <source>Searching {0}: {1} of {2} records…</source>
      <translation>Recherche dans {0} : {1} enregistrements sur {2}…</translation>
    </message>
    <message>
      <source>Searching {0}: {1} records…</source>
      <translation>Recherche dans {0} : {1} enregistrements…</translation>
    </message>
    <message>
      <source>No records found in {0} for this search.</source>
      <translation>Aucun enregistrement trouvé dans {0} pour cette recherche.</translation>
    </message>
    <message>
      <source>{0} records, {1} without a footprint, in layer “{2}”.</source>
      <translation>{0} enregistrements, dont {1} sans empreinte, dans la couche « {2} ».</translation>
    </message>
    <message>
      <source> Query log: {0}</source>
      <translation> Journal de requête : {0}</translation>
    </message>
    <message>
      <source>Download this product</source>
      <translation>Télécharger ce produit</translation>
    </message>
    <message>
      <source>{0} · searching…</source>
      <translation>{0} · recherche en cours…</translation>
    </message>
    <message>
      <source>Cancelled: {0} records kept in layer “{1}”.</source>
      <translation>Annulée : {0} enregistrements conservés dans la couche « {1} ».</translation>
    </message>
    <message>
      <source>{0} {1} records that arrived before are kept in layer “{2}”.</source>
      <translation>{0} Les {1} enregistrements arrivés avant sont conservés dans la couche « {2} ».</translation>
    </message>
    <message>
      <source>No products found in {0} for this search.</source>
      <translation>Aucun produit trouvé dans {0} pour cette recherche.</translation>
    </message>
    <message>
      <source>{0} records in layer “{1}”.</source>
      <translation>{0} enregistrements dans la couche « {1} ».</translation>
    </message>
    <message>
      <source>{0} matched: raise Max records for more.</source>
      <translation>{0} correspondants : augmentez Enregistrements max. pour en obtenir plus.</translation>
    </message>
    <message>
      <source>Order {0} selected scenes</source>
      <translation>Commander les {0} scènes sélectionnées</translation>
    </message>
    <message>
      <source>Download the assets of this item…</source>
      <translation>Télécharger les ressources de cet élément…</translation>
    </message>
    <message>
      <source>The dates are the last {0} days: new products can take days to appear in the catalogue; choose an earlier period.</source>
      <translation>Les dates sont les {0} derniers jours : les nouveaux produits peuvent prendre des jours avant d'apparaître dans le catalogue ; choisissez une période antérieure.</translation>
    </message>
    <message>
      <source>Download {0} products</source>
      <translation>Télécharger {0} produits</translation>
    </message>
    <message>
      <source>No query log: the folder {0} cannot be created ({1}).</source>
      <translation>Aucun journal de requête : le dossier {0} ne peut pas être créé ({1}).</translation>
    </message>
    <message>
      <source>Download the assets of {0} items…</source>
      <translation>Télécharger les ressources de {0} éléments…</translation>
    </message>
  </context>
  <context>
    <name>StacDownloads</name>
    <message>
      <source>{0} of {1} assets on disk in {2}</source>
      <translation>{0} ressource(s) sur {1} sur le disque dans {2}</translation>
    </message>
    <message>
      <source>Download STAC assets</source>
      <translation>Télécharger des ressources STAC</translation>
    </message>
    <message>
      <source>Download</source>
      <translation>Télécharger</translation>
    </message>
    <message>
      <source>A download is already running: wait for it or cancel it first.</source>
      <translation>Un téléchargement est déjà en cours : attendez qu'il se termine ou annulez-le d'abord.</translation>
    </message>
    <message>
      <source>These features have no self_link: select items of a STAC search.</source>
      <translation>Ces entités n'ont pas de self_link : sélectionnez des éléments d'une recherche STAC.</translation>
    </message>
    <message>
      <source>Download the assets of {0} selected items</source>
      <translation>Télécharger les ressources des {0} éléments sélectionnés</translation>
    </message>
    <message>
      <source>Which assets of the {0} selected item(s)? An asset is downloaded when its role or its key is ticked.</source>
      <translation>Quelles ressources des {0} élément(s) sélectionné(s)? Une ressource est téléchargée quand son rôle ou sa clé est coché.</translation>
    </message>
    <message>
      <source>EO Order: download the assets of {0} STAC item(s)</source>
      <translation>EO Order : télécharger les ressources de {0} élément(s) STAC</translation>
    </message>
    <message>
      <source>reading {0} item(s)</source>
      <translation>lecture de {0} élément(s)</translation>
    </message>
    <message>
      <source>Download the assets of this item: {0}</source>
      <translation>Télécharger les ressources de cet élément : {0}</translation>
    </message>
    <message>
      <source>Download one of {0} items here</source>
      <translation>Télécharger l'un des {0} éléments ici</translation>
    </message>
    <message>
      <source>Role: {0}</source>
      <translation>Rôle : {0}</translation>
    </message>
    <message>
      <source>Asset: {0}</source>
      <translation>Ressource : {0}</translation>
    </message>
    <message>
      <source>These assets are on the Copernicus Data Space: choose your Copernicus Data Space account (Account, with Copernicus selected) and download again.</source>
      <translation>Ces ressources sont sur Copernicus Data Space : choisissez votre compte Copernicus Data Space (Compte, avec Copernicus sélectionné) et téléchargez de nouveau.</translation>
    </message>
    <message>
      <source>A downloaded asset could not be recorded in the STAC download log {0} ({1}): is the disk full? The assets downloaded so far are on disk and verified. Free some space, then download again: verified files are skipped.</source>
      <translation>Une ressource téléchargée n'a pas pu être inscrite dans le journal de téléchargement STAC {0} ({1}) : le disque est-il plein? Les ressources téléchargées jusqu'ici sont sur le disque et vérifiées. Libérez de l'espace, puis téléchargez de nouveau : les fichiers vérifiés sont sautés.</translation>
    </message>
    <message>
      <source>The download folder {0} cannot be written ({1}): choose a writable folder in the Download box.</source>
      <translation>Impossible d'écrire dans le dossier de téléchargement {0} ({1}) : choisissez un dossier accessible en écriture dans la zone Téléchargement.</translation>
    </message>
  </context>
  <context>
    <name>WcsGetCoverageAlgorithm</name>
    <message>
      <source>Fetch a coverage from a WCS 1.0.0 server</source>
      <translation>Récupérer une couverture d'un serveur WCS 1.0.0</translation>
    </message>
    <message>
      <source>One coverage of a WCS 1.0.0 server, checked against its description, into a raster file.</source>
      <translation>Une couverture d'un serveur WCS 1.0.0, vérifiée d'après sa description, dans un fichier raster.</translation>
    </message>
    <message>
      <source>Fetches one coverage from an OGC WCS 1.0.0 server (GetCoverage) into a raster file.

The coverage is described first (DescribeCoverage) and the request is checked against what the server offers: CRS, response CRS, format and interpolation must be among the coverage's, spelt in any case.

CRS: the CRS of the request; the extent is transformed into it. Empty: the coverage's native CRS.
Size – required, one of: WIDTH and HEIGHT (pixels), or RESX and RESY (CRS units per pixel). Give exactly one pair, also for coverages whose only interpolation is 'none'.
Format: a format the coverage offers (MapServer calls GeoTIFF 'GTiff'); empty: the native format if offered, else the first GeoTIFF-like one.
Time: a time position or begin/end[/resolution], as listed by DescribeCoverage.
Range subset: values of the coverage's range axes, e.g. bands=1,3 (several axes separated by ';'), as listed by DescribeCoverage.

Authentication: an auth config (Basic) sent only to the server's own address.

Output – required: a file. Coverages can be large, so a temporary file is not accepted: with the default, the coverage goes next to the project file (named after the coverage); an unsaved project needs a file name. A reply larger than Max file size (advanced) is stopped and nothing is saved.</source>
      <translation>Récupère une couverture d'un serveur OGC WCS 1.0.0 (GetCoverage) dans un fichier matriciel.

La couverture est d'abord décrite (DescribeCoverage) et la requête est vérifiée par rapport à ce qu'offre le serveur : le SCR, le SCR de réponse, le format et l'interpolation doivent figurer parmi ceux de la couverture, sans égard à la casse.

SCR : le SCR de la requête; l'emprise y est transformée. Vide : le SCR natif de la couverture.
Taille – obligatoire, l'une des deux : WIDTH et HEIGHT (pixels), ou RESX et RESY (unités du SCR par pixel). Indiquez exactement une paire, aussi pour les couvertures dont la seule interpolation est « none ».
Format : un format offert par la couverture (MapServer appelle GeoTIFF « GTiff »); vide : le format natif s'il est offert, sinon le premier format de type GeoTIFF.
Temps : une position temporelle ou début/fin[/résolution], tels que listés par DescribeCoverage.
Sous-ensemble de plage : valeurs des axes de plage de la couverture, p. ex. bands=1,3 (plusieurs axes séparés par « ; »), telles que listées par DescribeCoverage.

Authentification : une configuration d'authentification (Basic) envoyée uniquement à l'adresse propre du serveur.

Sortie – obligatoire : un fichier. Les couvertures peuvent être volumineuses; un fichier temporaire n'est donc pas accepté : par défaut, la couverture est enregistrée à côté du fichier de projet (sous le nom de la couverture); un projet non enregistré exige un nom de fichier. Une réponse plus grande que la taille maximale de fichier (paramètre avancé) est interrompue et rien n'est enregistré.</translation>
    </message>
    <message>
      <source>Fetching the coverage was cancelled; nothing was saved.</source>
      <translation>La récupération de la couverture a été annulée; rien n'a été enregistré.</translation>
    </message>
    <message>
      <source>Max file size (MB)</source>
      <translation>Taille maximale de fichier (Mo)</translation>
    </message>
    <message>
      <source>WCS server URL</source>
      <translation>URL du serveur WCS</translation>
    </message>
    <message>
      <source>Coverage name</source>
      <translation>Nom de la couverture</translation>
    </message>
    <message>
      <source>Extent</source>
      <translation>Emprise</translation>
    </message>
    <message>
      <source>Request CRS (empty: the coverage's native CRS)</source>
      <translation>SCR de la requête (vide : le SCR natif de la couverture)</translation>
    </message>
    <message>
      <source>Response CRS (empty: the request CRS)</source>
      <translation>SCR de réponse (vide : le SCR de la requête)</translation>
    </message>
    <message>
      <source>Width (pixels) – give width and height, or the resolution</source>
      <translation>Largeur (pixels) – indiquez largeur et hauteur, ou la résolution</translation>
    </message>
    <message>
      <source>Height (pixels) – give width and height, or the resolution</source>
      <translation>Hauteur (pixels) – indiquez largeur et hauteur, ou la résolution</translation>
    </message>
    <message>
      <source>X resolution (CRS units per pixel) – or width and height</source>
      <translation>Résolution X (unités du SCR par pixel) – ou largeur et hauteur</translation>
    </message>
    <message>
      <source>Y resolution (CRS units per pixel) – or width and height</source>
      <translation>Résolution Y (unités du SCR par pixel) – ou largeur et hauteur</translation>
    </message>
    <message>
      <source>Format (empty: native format, else GeoTIFF)</source>
      <translation>Format (vide : format natif, sinon GeoTIFF)</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Temps</translation>
    </message>
    <message>
      <source>Interpolation (empty: the server's default)</source>
      <translation>Interpolation (vide : celle du serveur par défaut)</translation>
    </message>
    <message>
      <source>Range subset (axis=v1,v2;axis2=v3; empty: all)</source>
      <translation>Sous-ensemble de plage (axis=v1,v2;axis2=v3; vide : tout)</translation>
    </message>
    <message>
      <source>Authentication</source>
      <translation>Authentification</translation>
    </message>
    <message>
      <source>Coverage (a file; default: next to the project)</source>
      <translation>Couverture (un fichier; par défaut : à côté du projet)</translation>
    </message>
    <message>
      <source>Give either WIDTH and HEIGHT (pixels) or RESX and RESY (CRS units per pixel), not both.</source>
      <translation>Indiquez soit WIDTH et HEIGHT (pixels), soit RESX et RESY (unités du SCR par pixel), mais pas les deux.</translation>
    </message>
    <message>
      <source>Give both WIDTH and HEIGHT (pixels), or neither.</source>
      <translation>Indiquez à la fois WIDTH et HEIGHT (pixels), ou aucun des deux.</translation>
    </message>
    <message>
      <source>Give both RESX and RESY (CRS units per pixel), or neither.</source>
      <translation>Indiquez à la fois RESX et RESY (unités du SCR par pixel), ou aucun des deux.</translation>
    </message>
    <message>
      <source>RESX and RESY must be positive (CRS units per pixel).</source>
      <translation>RESX et RESY doivent être positifs (unités du SCR par pixel).</translation>
    </message>
    <message>
      <source>Choose a file for the coverage (OUTPUT): coverages can be large and are not written to a temporary file; save the project first to have them written next to it.</source>
      <translation>Choisissez un fichier pour la couverture (OUTPUT) : les couvertures peuvent être volumineuses et ne sont pas écrites dans un fichier temporaire; enregistrez d'abord le projet pour qu'elles soient écrites à côté de lui.</translation>
    </message>
    <message>
      <source>Give the name of the coverage to fetch (COVERAGE).</source>
      <translation>Indiquez le nom de la couverture à récupérer (COVERAGE).</translation>
    </message>
    <message>
      <source>The extent is empty: give a box with a width and a height.</source>
      <translation>L'emprise est vide : indiquez un rectangle ayant une largeur et une hauteur.</translation>
    </message>
    <message>
      <source>native resolution</source>
      <translation>résolution native</translation>
    </message>
    <message>
      <source>Describing coverage {0}…</source>
      <translation>Description de la couverture {0}…</translation>
    </message>
    <message>
      <source>{0} × {1} pixels</source>
      <translation>{0} × {1} pixels</translation>
    </message>
    <message>
      <source>GetCoverage {0}: {1}, box {2}, {3}, format {4}.</source>
      <translation>GetCoverage {0} : {1}, rectangle {2}, {3}, format {4}.</translation>
    </message>
    <message>
      <source>Coverage {0} saved as {1}.</source>
      <translation>Couverture {0} enregistrée sous {1}.</translation>
    </message>
    <message>
      <source> (its grid is {0} × {1} pixels)</source>
      <translation> (sa grille fait {0} × {1} pixels)</translation>
    </message>
    <message>
      <source>Give WIDTH and HEIGHT (pixels) or RESX and RESY (CRS units per pixel) for coverage {0}{1}: one of the two pairs is required.</source>
      <translation>Indiquez WIDTH et HEIGHT (pixels) ou RESX et RESY (unités du SCR par pixel) pour la couverture {0}{1} : l'une des deux paires est obligatoire.</translation>
    </message>
    <message>
      <source>The extent does not overlap coverage {0} (in {1}: {2}): give a box over the coverage.</source>
      <translation>L'emprise ne chevauche pas la couverture {0} (en {1} : {2}) : indiquez une emprise sur la couverture.</translation>
    </message>
    <message>
      <source>{0:g} × {1:g} units per pixel</source>
      <translation>{0:g} × {1:g} unités par pixel</translation>
    </message>
    <message>
      <source>QGIS does not know coverage {0}'s native CRS {1!r}: choose a request CRS (CRS).</source>
      <translation>QGIS ne connaît pas le SCR natif {1!r} de la couverture {0} : choisissez un SCR de requête (CRS).</translation>
    </message>
  </context>
  <context>
    <name>WcsPanel</name>
    <message>
      <source>CRS of the request: the extent is sent in it (the canvas CRS when the coverage offers it, else its native CRS)</source>
      <translation>SCR de la requête : l'emprise est envoyée dans ce SCR (celui du canevas de carte si la couverture l'offre, sinon son SCR natif)</translation>
    </message>
    <message>
      <source>CRS</source>
      <translation>SCR</translation>
    </message>
    <message>
      <source>File format of the coverage (the native format first)</source>
      <translation>Format de fichier de la couverture (le format natif en premier)</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>Format</translation>
    </message>
    <message>
      <source>Time position or period of the coverage (only for coverages with times)</source>
      <translation>Position temporelle ou période de la couverture (uniquement pour les couvertures ayant des temps)</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Temps</translation>
    </message>
    <message>
      <source>Give the output size in pixels or the resolution in CRS units per pixel</source>
      <translation>Indiquez la taille de sortie en pixels ou la résolution en unités du SCR par pixel</translation>
    </message>
    <message>
      <source>Size (pixels)</source>
      <translation>Taille (pixels)</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>Résolution</translation>
    </message>
    <message>
      <source>Use the map canvas' size in pixels</source>
      <translation>Utiliser la taille en pixels du canevas de carte</translation>
    </message>
    <message>
      <source>Use the coverage's native resolution over the extent</source>
      <translation>Utiliser la résolution native de la couverture sur l'emprise</translation>
    </message>
    <message>
      <source>Width of the coverage in pixels</source>
      <translation>Largeur de la couverture en pixels</translation>
    </message>
    <message>
      <source>Height of the coverage in pixels</source>
      <translation>Hauteur de la couverture en pixels</translation>
    </message>
    <message>
      <source>Pixel width in units of the request CRS (RESX)</source>
      <translation>Largeur de pixel en unités du SCR de la requête (RESX)</translation>
    </message>
    <message>
      <source>Pixel height in units of the request CRS (RESY)</source>
      <translation>Hauteur de pixel en unités du SCR de la requête (RESY)</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <source>Area to fetch, in the request CRS. By default the part of the map view the coverage covers; it follows the map until you type a box, draw one or take a layer's extent.</source>
      <translation>Zone à récupérer, dans le SCR de la requête. Par défaut, la partie de la vue de la carte que couvre la couverture; elle suit la carte jusqu'à ce que vous saisissiez une emprise, en dessiniez une ou preniez celle d'une couche.</translation>
    </message>
    <message>
      <source>Coverage extent</source>
      <translation>Emprise de la couverture</translation>
    </message>
    <message>
      <source>Set the extent to the whole coverage</source>
      <translation>Régler l'emprise sur la couverture entière</translation>
    </message>
    <message>
      <source>Extent</source>
      <translation>Emprise</translation>
    </message>
    <message>
      <source>Save the coverage as</source>
      <translation>Enregistrer la couverture sous</translation>
    </message>
    <message>
      <source>File the coverage is saved to: by default a new file named after the coverage next to the project file (choose one when the project is not saved yet)</source>
      <translation>Fichier où la couverture est enregistrée : par défaut, un nouveau fichier nommé d'après la couverture, à côté du fichier de projet (choisissez-en un lorsque le projet n'est pas encore enregistré)</translation>
    </message>
    <message>
      <source>Choose a file (the project has no folder yet)</source>
      <translation>Choisissez un fichier (le projet n'a pas encore de dossier)</translation>
    </message>
    <message>
      <source>Output file</source>
      <translation>Fichier de sortie</translation>
    </message>
    <message>
      <source>Advanced</source>
      <translation>Avancé</translation>
    </message>
    <message>
      <source>CRS of the returned raster, if the server should reproject it</source>
      <translation>SCR de la couche matricielle renvoyée, si le serveur doit la reprojeter</translation>
    </message>
    <message>
      <source>Response CRS</source>
      <translation>SCR de réponse</translation>
    </message>
    <message>
      <source>Resampling method; the server's default unless you choose one</source>
      <translation>Méthode de rééchantillonnage; celle du serveur par défaut, sauf si vous en choisissez une</translation>
    </message>
    <message>
      <source>Interpolation</source>
      <translation>Interpolation</translation>
    </message>
    <message>
      <source>Range subset (PARAMETER): values of the coverage's range axes, e.g. bands=1,3; several axes separated by ';'. Empty: all values.</source>
      <translation>Sous-ensemble de plage (PARAMETER) : valeurs des axes de plage de la couverture, p. ex. bands=1,3; plusieurs axes séparés par « ; ». Vide : toutes les valeurs.</translation>
    </message>
    <message>
      <source>Range subset</source>
      <translation>Sous-ensemble de plage</translation>
    </message>
    <message>
      <source>The largest coverage file to accept: a reply beyond it is stopped and nothing is saved</source>
      <translation>Le plus gros fichier de couverture à accepter : une réponse qui le dépasse est interrompue et rien n'est enregistré</translation>
    </message>
    <message>
      <source>Max file size</source>
      <translation>Taille maximale de fichier</translation>
    </message>
    <message>
      <source>Same as the request CRS</source>
      <translation>Identique au SCR de la requête</translation>
    </message>
    <message>
      <source>Server default (no time)</source>
      <translation>Valeur par défaut du serveur (aucun temps)</translation>
    </message>
    <message>
      <source>Canvas</source>
      <translation>Canevas</translation>
    </message>
    <message>
      <source>Native</source>
      <translation>Native</translation>
    </message>
    <message>
      <source>Server default</source>
      <translation>Valeur par défaut du serveur</translation>
    </message>
    <message>
      <source>all values</source>
      <translation>toutes les valeurs</translation>
    </message>
    <message>
      <source>The extent is empty: zoom the map to your area or type a box.</source>
      <translation>L'emprise est vide : zoomez la carte sur votre zone ou saisissez un rectangle.</translation>
    </message>
    <message>
      <source>Choose the file to save the coverage to (or save the project first: coverages then go next to it).</source>
      <translation>Choisissez le fichier où enregistrer la couverture (ou enregistrez d'abord le projet : les couvertures vont alors à côté de lui).</translation>
    </message>
    <message>
      <source>Connect to a server and select a coverage first.</source>
      <translation>Connectez-vous d'abord à un serveur et sélectionnez une couverture.</translation>
    </message>
    <message>
      <source>{0} (*{1});;All files (*)</source>
      <translation>{0} (*{1});;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>Coverage</source>
      <translation>Couverture</translation>
    </message>
    <message>
      <source>Enter a positive {0} (request CRS units per pixel).</source>
      <translation>Entrez une valeur {0} positive (unités du SCR de la requête par pixel).</translation>
    </message>
    <message>
      <source>Server default ({0})</source>
      <translation>Valeur par défaut du serveur ({0})</translation>
    </message>
    <message>
      <source>{0} (native)</source>
      <translation>{0} (natif)</translation>
    </message>
    <message>
      <source>No lon/lat envelope given</source>
      <translation>Aucune enveloppe lon/lat fournie</translation>
    </message>
    <message>
      <source>A WCS connection, or the URL of a WCS 1.0.0 server (type or paste it; servers you connected to are kept as connections). Request keys pasted with it are dropped.</source>
      <translation>Une connexion WCS, ou l'URL d'un serveur WCS 1.0.0 (saisissez-la ou collez-la ; les serveurs auxquels vous vous êtes connecté sont gardés comme connexions). Les paramètres de requête collés avec elle sont retirés.</translation>
    </message>
    <message>
      <source>Server</source>
      <translation>Serveur</translation>
    </message>
    <message>
      <source>Forget this server URL</source>
      <translation>Oublier l'URL de ce serveur</translation>
    </message>
    <message>
      <source>Manage servers and catalogues: add, edit, remove, import or export them (also from and to QGIS' WCS connections)</source>
      <translation>Gérer les serveurs et les catalogues : les ajouter, modifier, supprimer, importer ou exporter (aussi depuis et vers les connexions WCS de QGIS)</translation>
    </message>
    <message>
      <source>Connect</source>
      <translation>Se connecter</translation>
    </message>
    <message>
      <source>Ask the server for its coverages (GetCapabilities) in the background</source>
      <translation>Demander au serveur ses couvertures (GetCapabilities) en arrière-plan</translation>
    </message>
    <message>
      <source>Optional QGIS authentication configuration (Basic) for this server; sent only to the server's own address and stored only in the QGIS auth database.</source>
      <translation>Configuration d'authentification QGIS (Basic) facultative pour ce serveur; envoyée uniquement à l'adresse propre du serveur et conservée uniquement dans la base d'authentification de QGIS.</translation>
    </message>
    <message>
      <source>Credentials</source>
      <translation>Identifiants</translation>
    </message>
    <message>
      <source>Filter coverages</source>
      <translation>Filtrer les couvertures</translation>
    </message>
    <message>
      <source>Show only coverages whose name or label contains this text</source>
      <translation>N'afficher que les couvertures dont le nom ou le libellé contient ce texte</translation>
    </message>
    <message>
      <source>The server's coverages: select one to see its description</source>
      <translation>Les couvertures du serveur : sélectionnez-en une pour voir sa description</translation>
    </message>
    <message>
      <source>Select a coverage to see its CRSs, formats, times and grid.</source>
      <translation>Sélectionnez une couverture pour voir ses SCR, ses formats, ses temps et sa grille.</translation>
    </message>
    <message>
      <source>What DescribeCoverage says about the selected coverage</source>
      <translation>Ce que DescribeCoverage indique sur la couverture sélectionnée</translation>
    </message>
    <message>
      <source>Fetch coverage</source>
      <translation>Récupérer la couverture</translation>
    </message>
    <message>
      <source>Fetch the coverage (GetCoverage) in the background and add it to the project as a raster layer</source>
      <translation>Récupérer la couverture (GetCoverage) en arrière-plan et l'ajouter au projet comme couche matricielle</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Stop the running request; nothing is saved</source>
      <translation>Arrêter la requête en cours; rien n'est enregistré</translation>
    </message>
    <message>
      <source>Enter a WCS 1.0.0 server URL and press Connect.</source>
      <translation>Entrez l'URL d'un serveur WCS 1.0.0 et appuyez sur Se connecter.</translation>
    </message>
    <message>
      <source>What the tab is doing, or the last error</source>
      <translation>Ce que fait l'onglet, ou la dernière erreur</translation>
    </message>
    <message>
      <source>Lon/lat envelope (W, S, E, N): {0}</source>
      <translation>Enveloppe lon/lat (O, S, E, N) : {0}</translation>
    </message>
    <message>
      <source>Connections…</source>
      <translation>Connexions…</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>Libellé</translation>
    </message>
    <message>
      <source>the WCS server</source>
      <translation>le serveur WCS</translation>
    </message>
    <message>
      <source>Connecting was cancelled.</source>
      <translation>La connexion a été annulée.</translation>
    </message>
    <message>
      <source>Describing the coverage was cancelled.</source>
      <translation>La description de la couverture a été annulée.</translation>
    </message>
    <message>
      <source>Coverage {0} ({1} × {2} pixels) saved as {3} and added to the project.</source>
      <translation>Couverture {0} ({1} × {2} pixels) enregistrée sous {3} et ajoutée au projet.</translation>
    </message>
    <message>
      <source>Request CRSs: {0}</source>
      <translation>SCR de requête : {0}</translation>
    </message>
    <message>
      <source>Native CRS: {0}</source>
      <translation>SCR natif : {0}</translation>
    </message>
    <message>
      <source> (native: {0})</source>
      <translation> (natif : {0})</translation>
    </message>
    <message>
      <source>Formats: {0}{1}</source>
      <translation>Formats : {0}{1}</translation>
    </message>
    <message>
      <source>Interpolations: {0}</source>
      <translation>Interpolations : {0}</translation>
    </message>
    <message>
      <source>EO Order: connect to {0}</source>
      <translation>EO Order : connexion à {0}</translation>
    </message>
    <message>
      <source>Connecting to {0}…</source>
      <translation>Connexion à {0}…</translation>
    </message>
    <message>
      <source>{0}: {1} coverage(s). Select one.</source>
      <translation>{0} : {1} couverture(s). Sélectionnez-en une.</translation>
    </message>
    <message>
      <source>EO Order: describe coverage {0}</source>
      <translation>EO Order : description de la couverture {0}</translation>
    </message>
    <message>
      <source>Describing {0}…</source>
      <translation>Description de {0}…</translation>
    </message>
    <message>
      <source>Coverage {0}: choose the extent and size, then Fetch coverage.</source>
      <translation>Couverture {0} : choisissez l'emprise et la taille, puis Récupérer la couverture.</translation>
    </message>
    <message>
      <source>EO Order: fetch coverage {0}</source>
      <translation>EO Order : récupération de la couverture {0}</translation>
    </message>
    <message>
      <source>Fetching {0}…</source>
      <translation>Récupération de {0}…</translation>
    </message>
    <message>
      <source>Lon/lat envelope: {0}</source>
      <translation>Enveloppe lon/lat : {0}</translation>
    </message>
    <message>
      <source> over {0} in {1}</source>
      <translation> sur {0} dans {1}</translation>
    </message>
    <message>
      <source>Grid: {0} × {1} pixels{2}</source>
      <translation>Grille : {0} × {1} pixels{2}</translation>
    </message>
    <message>
      <source>Response CRSs: {0}</source>
      <translation>SCR de réponse : {0}</translation>
    </message>
    <message>
      <source>default</source>
      <translation>par défaut</translation>
    </message>
    <message>
      <source> … and {0} more</source>
      <translation> … et {0} de plus</translation>
    </message>
    <message>
      <source>Time positions: {0}{1}</source>
      <translation>Positions temporelles : {0}{1}</translation>
    </message>
    <message>
      <source>, every {0}</source>
      <translation>, tous les {0}</translation>
    </message>
    <message>
      <source>Time period: {0} to {1}{2}</source>
      <translation>Période : {0} à {1}{2}</translation>
    </message>
    <message>
      <source>Range axis {0}: {1}</source>
      <translation>Axe de plage {0} : {1}</translation>
    </message>
    <message>
      <source>{0} offers no coverages.</source>
      <translation>{0} n'offre aucune couverture.</translation>
    </message>
    <message>
      <source>Fetching the coverage: {0}</source>
      <translation>Récupération de la couverture : {0}</translation>
    </message>
    <message>
      <source>Fetching {0} was cancelled; nothing was saved.</source>
      <translation>La récupération de {0} a été annulée; rien n'a été enregistré.</translation>
    </message>
    <message>
      <source>The server's reply for {0} was saved as {1}, but QGIS cannot open it as a raster ({2}). Try another format.</source>
      <translation>La réponse du serveur pour {0} a été enregistrée sous {1}, mais QGIS ne peut pas l'ouvrir comme couche matricielle ({2}). Essayez un autre format.</translation>
    </message>
    <message>
      <source>{0} %</source>
      <translation>{0} %</translation>
    </message>
    <message>
      <source>{0} MB</source>
      <translation>{0} Mo</translation>
    </message>
  </context>
</TS>
