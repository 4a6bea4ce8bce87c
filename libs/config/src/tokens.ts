/** DI token of the validated AppConfig (each app's root module provides it). */
export const APP_CONFIG = Symbol('APP_CONFIG');
