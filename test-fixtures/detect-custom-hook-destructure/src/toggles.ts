export declare function useToggles(): Record<string, boolean>;
