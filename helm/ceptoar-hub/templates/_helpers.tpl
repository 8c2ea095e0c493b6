{{/*
Chart name, truncated to the 63 characters Kubernetes allows in a DNS label.
*/}}
{{- define "ceptoar-hub.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Fully qualified app name. When the release name already contains the chart name it is used as is.
*/}}
{{- define "ceptoar-hub.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
Namespace of every resource.
*/}}
{{- define "ceptoar-hub.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Chart name and version, as used by the helm.sh/chart label.
*/}}
{{- define "ceptoar-hub.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Selector labels: immutable on a Deployment, so they never include versions.
*/}}
{{- define "ceptoar-hub.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ceptoar-hub.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/*
Standard labels merged with commonLabels. commonLabels may override the informational labels but
never the selector labels.
*/}}
{{- define "ceptoar-hub.labels" -}}
{{- $standard := dict
  "helm.sh/chart" (include "ceptoar-hub.chart" .)
  "app.kubernetes.io/version" (include "ceptoar-hub.imageTag" . | replace "+" "_" | trunc 63 | trimSuffix "-")
  "app.kubernetes.io/component" "server"
  "app.kubernetes.io/part-of" "ceptoar-hub"
  "app.kubernetes.io/managed-by" .Release.Service -}}
{{- $labels := merge (include "ceptoar-hub.selectorLabels" . | fromYaml) (deepCopy .Values.commonLabels) $standard -}}
{{- toYaml $labels -}}
{{- end -}}

{{/*
commonAnnotations merged with resource-specific annotations (which win), as YAML; empty when both are.
Usage: with (include "ceptoar-hub.annotations" (dict "extra" .Values.service.annotations "context" $))
*/}}
{{- define "ceptoar-hub.annotations" -}}
{{- $annotations := merge (deepCopy (default (dict) .extra)) (deepCopy .context.Values.commonAnnotations) -}}
{{- if $annotations -}}
{{- toYaml $annotations -}}
{{- end -}}
{{- end -}}

{{/*
Image tag: image.tag, else the chart appVersion.
*/}}
{{- define "ceptoar-hub.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag -}}
{{- end -}}

{{/*
Full image reference; a digest wins over the tag.
*/}}
{{- define "ceptoar-hub.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (include "ceptoar-hub.imageTag" .) -}}
{{- end -}}
{{- end -}}

{{/*
ServiceAccount name.
*/}}
{{- define "ceptoar-hub.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "ceptoar-hub.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
Name of the Secret that holds the credentials: existingSecret, or the chart-created one.
*/}}
{{- define "ceptoar-hub.secretName" -}}
{{- if .Values.existingSecret -}}
{{- .Values.existingSecret -}}
{{- else -}}
{{- include "ceptoar-hub.fullname" . -}}
{{- end -}}
{{- end -}}

{{/*
Keycloak issuer base URL as clients see it: keycloak.publicUrl, else keycloak.url.
*/}}
{{- define "ceptoar-hub.keycloakPublicUrl" -}}
{{- default .Values.keycloak.url .Values.keycloak.publicUrl -}}
{{- end -}}

{{/*
Port the service connects to on Keycloak: networkPolicy.egress.keycloak.port, else the port of
keycloak.url, else 443 for https and 80 for http.
*/}}
{{- define "ceptoar-hub.keycloakPort" -}}
{{- $np := .Values.networkPolicy.egress.keycloak -}}
{{- if $np.port -}}
{{- $np.port -}}
{{- else -}}
{{- $url := urlParse .Values.keycloak.url -}}
{{- $hostParts := splitList ":" $url.host -}}
{{- if gt (len $hostParts) 1 -}}
{{- last $hostParts -}}
{{- else if eq $url.scheme "http" -}}
80
{{- else -}}
443
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
Soft or hard pod anti-affinity by hostname.
*/}}
{{- define "ceptoar-hub.podAntiAffinity" -}}
{{- if eq .Values.podAntiAffinityPreset "soft" -}}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "ceptoar-hub.selectorLabels" . | nindent 12 }}
{{- else if eq .Values.podAntiAffinityPreset "hard" -}}
podAntiAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    - topologyKey: kubernetes.io/hostname
      labelSelector:
        matchLabels:
          {{- include "ceptoar-hub.selectorLabels" . | nindent 10 }}
{{- end }}
{{- end -}}

{{/*
Validation of combinations the schema cannot express. Fails the render with a clear message.
*/}}
{{- define "ceptoar-hub.validateValues" -}}
{{- if and .Values.hpa.enabled (lt (int .Values.hpa.maxReplicas) (int .Values.hpa.minReplicas)) -}}
{{- fail "hpa.maxReplicas must be greater than or equal to hpa.minReplicas" -}}
{{- end -}}
{{- if and .Values.hpa.enabled (not (or .Values.hpa.targetCPUUtilizationPercentage .Values.hpa.targetMemoryUtilizationPercentage)) -}}
{{- fail "hpa needs targetCPUUtilizationPercentage or targetMemoryUtilizationPercentage" -}}
{{- end -}}
{{- if eq .Values.secretKeys.databasePassword .Values.secretKeys.keycloakAdminClientSecret -}}
{{- fail "secretKeys.databasePassword and secretKeys.keycloakAdminClientSecret must differ" -}}
{{- end -}}
{{- end -}}
