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
      <source>Download</source>
      <translation>Téléchargement</translation>
    </message>
    <message>
      <source>Downloads Copernicus Data Space products into the output folder, on at most 4 connections (CDSE's limit per user). The products come from a query log written by 'Search Copernicus Data Space', or from its footprint layer (fields product_id, name, checksum_md5, size_bytes, online; tick 'Selected features only' to download just the selection). When both are given, the products come from the layer and the log is updated too.

Each file is written as &lt;name&gt;.part, checked against the catalogue's MD5 (or else the size the server announces) and only then renamed; interrupted downloads resume on the next run, and files already verified are skipped. Right after each product is on disk it is marked Downloaded in the query log and, for a file layer (GeoPackage, Shapefile...), in its 'downloaded' field. Offline (long-term archive) and failed products do not stop the batch: the output table gives each product's status and message.

Credentials: a Basic authentication configuration with your Copernicus Data Space username/password, and/or a token file (CopernicusDataspace_token.json, the login reply the Copernicus scripts save). A token file is reused while its session is valid and rewritten with every new login or refresh; give a new path to have one created (with an auth config). A rejected username/password stops the batch.</source>
      <translation>Télécharge des produits Copernicus Data Space dans le dossier de sortie, sur au plus 4 connexions (la limite de CDSE par utilisateur). Les produits proviennent d'un journal de requête écrit par « Rechercher dans Copernicus Data Space » ou de sa couche d'empreintes (champs product_id, name, checksum_md5, size_bytes, online; cochez « Entités sélectionnées uniquement » pour ne télécharger que la sélection). Si les deux sont fournis, les produits proviennent de la couche et le journal est aussi mis à jour.

Chaque fichier est écrit sous le nom &lt;name&gt;.part, vérifié par rapport au MD5 du catalogue (ou, à défaut, à la taille annoncée par le serveur), puis seulement renommé; les téléchargements interrompus reprennent à l'exécution suivante et les fichiers déjà vérifiés sont ignorés. Dès qu'un produit est sur le disque, il est marqué comme téléchargé (Downloaded) dans le journal de requête et, pour une couche fichier (GeoPackage, Shapefile...), dans son champ « downloaded ». Les produits hors ligne (archive à long terme) et ceux en échec n'arrêtent pas le lot : la table de sortie donne l'état et le message de chaque produit.

Identifiants : une configuration d'authentification Basic avec votre nom d'utilisateur et votre mot de passe Copernicus Data Space, ou un fichier de jeton (CopernicusDataspace_token.json, la réponse de connexion qu'enregistrent les scripts Copernicus), ou les deux. Un fichier de jeton est réutilisé tant que sa session est valide et réécrit à chaque nouvelle connexion ou actualisation; indiquez un nouveau chemin pour en faire créer un (avec une configuration d'authentification). Un nom d'utilisateur ou un mot de passe refusé arrête le lot.</translation>
    </message>
    <message>
      <source>{0:.0f} % — {1}: {2}{3}; {4}</source>
      <translation>{0:.0f} % — {1} : {2}{3}; {4}</translation>
    </message>
    <message>
      <source>Query log</source>
      <translation>Journal de requête</translation>
    </message>
    <message>
      <source>Product footprints</source>
      <translation>Empreintes des produits</translation>
    </message>
    <message>
      <source>Download folder</source>
      <translation>Dossier de téléchargement</translation>
    </message>
    <message>
      <source>Copernicus Data Space credentials (Basic auth config)</source>
      <translation>Identifiants Copernicus Data Space (configuration d'authentification Basic)</translation>
    </message>
    <message>
      <source>Token file (CopernicusDataspace_token.json)</source>
      <translation>Fichier de jeton (CopernicusDataspace_token.json)</translation>
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
      <source>Give a query log or a footprint layer of a Copernicus search: there is nothing to download.</source>
      <translation>Indiquez un journal de requête ou une couche d'empreintes d'une recherche Copernicus : il n'y a rien à télécharger.</translation>
    </message>
    <message>
      <source>Copernicus Data Space downloads need your account: choose an authentication configuration (Basic) with your username and password, or a token file.</source>
      <translation>Les téléchargements Copernicus Data Space nécessitent votre compte : choisissez une configuration d'authentification (Basic) contenant votre nom d'utilisateur et votre mot de passe, ou un fichier de jeton.</translation>
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
      <source>A download is already running: wait for it or cancel it first.</source>
      <translation>Un téléchargement est déjà en cours : attendez qu'il se termine ou annulez-le d'abord.</translation>
    </message>
    <message>
      <source>Download cancelled; partial files are kept and the next download resumes them.</source>
      <translation>Téléchargement annulé; les fichiers partiels sont conservés et le prochain téléchargement les reprendra.</translation>
    </message>
    <message>
      <source>Downloads to {0}: {1}.</source>
      <translation>Téléchargements dans {0} : {1}.</translation>
    </message>
    <message>
      <source>Show folder</source>
      <translation>Afficher le dossier</translation>
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
      <source>Download this product ({0})</source>
      <translation>Télécharger ce produit ({0})</translation>
    </message>
    <message>
      <source>Download {0} selected products</source>
      <translation>Télécharger les {0} produits sélectionnés</translation>
    </message>
    <message>
      <source>Show quicklook ({0})</source>
      <translation>Afficher l'aperçu ({0})</translation>
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
      <source>These footprints have no EODMS record/collection id: search EODMS again and order from the new footprints.</source>
      <translation>Ces empreintes n'ont pas d'identifiant d'enregistrement ou de collection EODMS : relancez la recherche dans EODMS et commandez à partir des nouvelles empreintes.</translation>
    </message>
    <message>
      <source>Order cancelled: see the Orders tab for what was sent.</source>
      <translation>Commande annulée : consultez l'onglet Commandes pour voir ce qui a été envoyé.</translation>
    </message>
    <message>
      <source>EODMS accepted {0} of {1} order(s); watch your e-mail for the delivery links.</source>
      <translation>EODMS a accepté {0} commande(s) sur {1}; surveillez vos courriels pour les liens de livraison.</translation>
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
      <source>Failed: {0}</source>
      <translation>Échec : {0}</translation>
    </message>
    <message>
      <source>scene {0} of {1}</source>
      <translation>scène {0} sur {1}</translation>
    </message>
    <message>
      <source>Order this scene ({0})</source>
      <translation>Commander cette scène ({0})</translation>
    </message>
    <message>
      <source>Order {0} selected scenes</source>
      <translation>Commander les {0} scènes sélectionnées</translation>
    </message>
    <message>
      <source>Show quicklook ({0})</source>
      <translation>Afficher l'aperçu ({0})</translation>
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
      <source>EODMS offers: {0} (default {1}).</source>
      <translation>EODMS offre : {0} (par défaut {1}).</translation>
    </message>
    <message>
      <source>Order {0} scene(s) from EODMS. EODMS e-mails you when each order is submitted and again with download links.</source>
      <translation>Commander {0} scène(s) auprès d'EODMS. EODMS vous envoie un courriel lorsque chaque commande est soumise, puis un autre avec les liens de téléchargement.</translation>
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
      <source>Order</source>
      <translation>Commande</translation>
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
      <source>Requested (UTC)</source>
      <translation>Demandée (UTC)</translation>
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
      <source>Packaging</source>
      <translation>Empaquetage</translation>
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
      <source>(no reply recorded)</source>
      <translation>(aucune réponse enregistrée)</translation>
    </message>
    <message>
      <source>{0} order attempts: {1}. Journal: {2}</source>
      <translation>{0} tentatives de commande : {1}. Journal : {2}</translation>
    </message>
    <message>
      <source>none yet</source>
      <translation>aucune pour l'instant</translation>
    </message>
    <message>
      <source>Scene {0} ({1}): {2}</source>
      <translation>Scène {0} ({1}) : {2}</translation>
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
      <source>Search</source>
      <translation>Recherche</translation>
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
      <source>Search</source>
      <translation>Recherche</translation>
    </message>
    <message>
      <source>Searches the Copernicus Data Space Ecosystem OData catalogue for one collection, an area (the polygon of the AOI layer — its selected features when 'selected only' is ticked — or else the extent) and a sensing period (start inclusive, end exclusive; no zone = UTC), optionally a maximum cloud cover. Writes the product footprints and the query log (a '# key: value' header with the query, then a CSV table Id,Name,Checksum,Online,Downloaded) that 'Download from Copernicus Data Space' takes as input. Result sets beyond the catalogue's 10,000-record paging limit are split into time windows.</source>
      <translation>Interroge le catalogue OData de Copernicus Data Space Ecosystem pour une collection, une zone (le polygone de la couche de zone d'intérêt — ses entités sélectionnées lorsque « sélection uniquement » est coché — ou sinon l'emprise) et une période d'acquisition (début inclus, fin exclue; sans fuseau = UTC), avec, au besoin, une couverture nuageuse maximale. Écrit les empreintes des produits et le journal de requête (un en-tête « # key: value » avec la requête, puis une table CSV Id,Name,Checksum,Online,Downloaded) que « Télécharger depuis Copernicus Data Space » prend en entrée. Les ensembles de résultats qui dépassent la limite de pagination du catalogue (10 000 enregistrements) sont découpés en fenêtres temporelles.</translation>
    </message>
    <message>
      <source>Collection</source>
      <translation>Collection</translation>
    </message>
    <message>
      <source>Search extent</source>
      <translation>Emprise de recherche</translation>
    </message>
    <message>
      <source>Area of interest (polygon layer; overrides the extent)</source>
      <translation>Zone d'intérêt (couche de polygones; a préséance sur l'emprise)</translation>
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
      <source>Search cancelled.</source>
      <translation>Recherche annulée.</translation>
    </message>
    <message>
      <source>Give a search extent or an area-of-interest layer.</source>
      <translation>Indiquez une emprise de recherche ou une couche de zone d'intérêt.</translation>
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
      <source>Page {0} of {1}: {2} products</source>
      <translation>Page {0} sur {1} : {2} produits</translation>
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
      <source>Search</source>
      <translation>Recherche</translation>
    </message>
    <message>
      <source>Searches a CSW 2.0.2 catalogue for records whose footprint intersects the extent and writes their footprints as polygons (EPSG:4326).

Profile: EODMS (the EODMS catalogue: lon/lat box without srsName), EODMS RCM (the same inside a SOAP WS-Security envelope; needs an auth config with your EODMS username and password) or generic CSW 2.0.2 (box sent as CRS84).

Dates filter the record date: start inclusive, end exclusive; ISO dates or date-times (2013-03-29, 2013-03-29T12:00:00Z). Title is a like-pattern: * any characters, ? one character. All pages are fetched up to Maximum records.

Record schema: Dublin Core or ISO 19139 (GeoNetwork, INSPIRE); either answer is read. Records without a bounding box are written without geometry; what could not be read (other schemas, paging that stopped early) is reported in the log.</source>
      <translation>Interroge un catalogue CSW 2.0.2 pour trouver les enregistrements dont l'empreinte recoupe l'emprise et écrit leurs empreintes sous forme de polygones (EPSG:4326).

Profil : EODMS (le catalogue EODMS : rectangle lon/lat sans srsName), EODMS RCM (la même chose dans une enveloppe SOAP WS-Security; nécessite une configuration d'authentification contenant votre nom d'utilisateur et votre mot de passe EODMS) ou CSW 2.0.2 générique (rectangle envoyé en CRS84).

Les dates filtrent la date de l'enregistrement : début inclus, fin exclue; dates ou dates-heures ISO (2013-03-29, 2013-03-29T12:00:00Z). Le titre est un motif de type LIKE : * n'importe quels caractères, ? un seul caractère. Toutes les pages sont récupérées jusqu'au nombre maximal d'enregistrements.

Schéma des fiches : Dublin Core ou ISO 19139 (GeoNetwork, INSPIRE); les deux réponses sont lues. Les enregistrements sans rectangle englobant sont écrits sans géométrie; ce qui n'a pas pu être lu (autres schémas, pagination interrompue) est signalé dans le journal.</translation>
    </message>
    <message>
      <source>Catalogue URL</source>
      <translation>URL du catalogue</translation>
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
      <source>Search cancelled.</source>
      <translation>Recherche annulée.</translation>
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
      <source>Could not write the footprints: {0}</source>
      <translation>Impossible d'écrire les empreintes : {0}</translation>
    </message>
    <message>
      <source>Page {0} of {1}: {2} records so far ({3} matched).</source>
      <translation>Page {0} sur {1} : {2} enregistrements jusqu'ici ({3} correspondants).</translation>
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
      <source>{0} of {1} products on disk in {2}.</source>
      <translation>{0} produits sur {1} sur le disque dans {2}.</translation>
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
      <source>Downloading STAC assets comes next (the download engine is being extended); for now use the items' links.</source>
      <translation>Le téléchargement des ressources STAC arrive bientôt (le moteur de téléchargement est en cours d'extension) ; pour l'instant, utilisez les liens des éléments.</translation>
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
  </context>
  <context>
    <name>WcsGetCoverageAlgorithm</name>
    <message>
      <source>Fetch a coverage from a WCS 1.0.0 server</source>
      <translation>Récupérer une couverture d'un serveur WCS 1.0.0</translation>
    </message>
    <message>
      <source>WCS</source>
      <translation>WCS</translation>
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
      <source>Fetching the coverage was cancelled; nothing was saved.</source>
      <translation>La récupération de la couverture a été annulée; rien n'a été enregistré.</translation>
    </message>
    <message>
      <source>Coverage {0} saved as {1}.</source>
      <translation>Couverture {0} enregistrée sous {1}.</translation>
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
