export interface Config {
  permission?: {
    /**
     * Which policy the portal runs. `production` (the default when unset):
     * see the module's README. `allow-all`: everyone may do everything;
     * for local development only (app-config.yaml sets it).
     */
    ciliumPolicy?: 'allow-all' | 'production';
    /**
     * Entity refs of the groups whose members may do everything the
     * production policy guards, e.g. `group:default/platform-admins`.
     */
    ciliumAdminGroups?: string[];
  };
}
