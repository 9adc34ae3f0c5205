/** The `cdk` entry point (cdk.json): build the app and write the cloud assembly. */
import { createTenancyApp } from './tenancy-app.js';

createTenancyApp().app.synth();
